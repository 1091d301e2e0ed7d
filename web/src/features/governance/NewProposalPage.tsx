import type { Page } from '@coopnet/contract/common';
import type { Application, Coop } from '@coopnet/contract/coops';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useAbilities } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NoAccess } from '../../components/NoAccess.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { BylawsEditor, BylawsProblems } from './BylawsEditor.tsx';
import { FundApplicationChoice } from './FundApplicationChoice.tsx';
import { proposalsKey, useBodies, useBylaws, useProposable } from './governance.api.ts';
import { matterName } from './rules.ts';
import type { Bylaws, Proposal, ProposalInput } from './types.ts';

/** The matters this form can put forward; module matters have pages of their own. */
const MATTERS = ['free', 'admission', 'suspension', 'election', 'bylaw_change', 'fund_application'] as const;
type FormMatter = (typeof MATTERS)[number];

const asMatter = (v: string | null): FormMatter =>
  (MATTERS as readonly string[]).includes(v ?? '') ? (v as FormMatter) : 'free';

/**
 * A new proposal, as a draft: a free proposal (any worker), or an admission,
 * suspension, election or change of the bylaws (coordinators). `?matter=admission&coopId=…`
 * pre-fills it, as the applications page does.
 */
export function NewProposalPage() {
  const { t } = useTranslation();
  const proposable = useProposable();
  if (proposable.error) return <ErrorAlert error={proposable.error} />;
  if (!proposable.data) return <Loading />;
  const choices = MATTERS.filter((m) => proposable.data.includes(m));
  if (choices.length === 0) return <NoAccess text={t('newProposalAccess.mayNot')} />;
  return <NewProposalForm choices={choices} />;
}

/** The form, offering only the matters the person may put forward. */
function NewProposalForm({ choices }: { choices: FormMatter[] }) {
  const { t } = useTranslation();
  usePageTitle(t('newProposal.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const abilities = useAbilities();
  const [params] = useSearchParams();
  const [matter, setMatter] = useState<FormMatter>(() => {
    const asked = asMatter(params.get('matter'));
    return choices.includes(asked) ? asked : choices[0]!;
  });
  const [coopId, setCoopId] = useState(params.get('coopId') ?? '');
  const [applicationId, setApplicationId] = useState(params.get('applicationId') ?? '');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [candidates, setCandidates] = useState('');
  const [seats, setSeats] = useState<number | string>(1);
  const [localError, setLocalError] = useState<string | null>(null);
  // A bylaw change starts from the current bylaws; the author edits one matter's rule at a time.
  const currentBylaws = useBylaws();
  const bodies = useBodies();
  const [bylaws, setBylaws] = useState<Bylaws | null>(null);
  const [bylawMatter, setBylawMatter] = useState('');
  const draftBylaws = bylaws ?? currentBylaws.data?.bylaws ?? null;
  const editedMatter = bylawMatter || Object.keys(draftBylaws?.matters ?? {})[0] || '';

  const applicants = useQuery({
    queryKey: ['applications', 'pending', 'for-proposal'],
    queryFn: ({ signal }) =>
      api<Page<Application>>('/applications', { query: { status: 'pending', limit: 100 }, signal }),
    enabled: matter === 'admission' && abilities.decideApplications,
  });
  const members = useQuery({
    queryKey: ['coops', 'list', 'for-proposal'],
    queryFn: ({ signal }) => api<Page<Coop>>('/coops', { query: { limit: 1000 }, signal }),
    enabled: matter === 'suspension',
  });

  const create = useMutation({
    mutationFn: (input: ProposalInput) => api<Proposal>('/proposals', { method: 'POST', body: input }),
    onSuccess: async (p) => {
      await queryClient.invalidateQueries({ queryKey: proposalsKey });
      await navigate(`/proposals/${p.id}`);
    },
  });
  const errors = fieldErrorsOf(create.error);

  const options = candidates
    .split('\n')
    .map((c) => c.trim())
    .filter(Boolean);

  const submit = () => {
    setLocalError(null);
    const input: ProposalInput = { matter, title: title.trim(), text: text.trim(), subject: {} };
    if (matter === 'admission' || matter === 'suspension') {
      if (!coopId) {
        setLocalError(t('newProposal.chooseCoop'));
        return;
      }
      input.subject = { coopId };
    }
    if (matter === 'election') {
      const n = Number(seats);
      if (options.length < 2) {
        setLocalError(t('newProposal.fewCandidates'));
        return;
      }
      if (new Set(options).size !== options.length) {
        setLocalError(t('newProposal.repeatedCandidate'));
        return;
      }
      if (!Number.isInteger(n) || n < 1 || n >= options.length) {
        setLocalError(t('newProposal.badSeats', { count: options.length }));
        return;
      }
      input.options = options;
      input.seats = n;
    }
    if (matter === 'fund_application') input.subject = { applicationId };
    if (matter === 'bylaw_change') {
      if (!draftBylaws) return;
      input.subject = { bylaws: draftBylaws };
    }
    create.mutate(input);
  };

  const applicantOptions = (applicants.data?.items ?? []).map((a) => ({ value: a.coop.id, label: a.coop.name }));
  // Arriving from an application ("Put to a vote"): the co-op is chosen; give the title a start too.
  const presetName = applicants.data?.items.find((a) => a.coop.id === params.get('coopId'))?.coop.name;
  useEffect(() => {
    if (presetName) setTitle((old) => old || t('newProposal.admitTitle', { coop: presetName }));
  }, [presetName, t]);
  const memberOptions = (members.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const pickCoop = (list: { value: string; label: string }[], id: string) => {
    setCoopId(id);
    // A title to start from, kept if the author already wrote one.
    const name = list.find((o) => o.value === id)?.label;
    if (name && !title.trim())
      setTitle(t(matter === 'admission' ? 'newProposal.admitTitle' : 'newProposal.suspendTitle', { coop: name }));
  };

  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t('newProposal.title')}</Title>
      <Text>{t('newProposal.intro')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <NativeSelect
            label={t('newProposal.matter')}
            description={t(`newProposal.matterHint.${matter}`)}
            value={matter}
            onChange={(e) => {
              setMatter(asMatter(e.currentTarget.value));
              setCoopId('');
              setLocalError(null);
            }}
            data={choices.map((m) => ({ value: m, label: matterName(t, m) }))}
            error={errors.matter}
          />
          {matter === 'admission' &&
            (abilities.decideApplications ? (
              <NativeSelect
                label={t('newProposal.applicant')}
                value={coopId}
                onChange={(e) => pickCoop(applicantOptions, e.currentTarget.value)}
                data={[{ value: '', label: t('newProposal.chooseOne') }, ...applicantOptions]}
                description={
                  applicants.data && applicantOptions.length === 0 ? t('newProposal.noApplicants') : undefined
                }
                error={errors['subject.coopId']}
                required
              />
            ) : (
              <Alert color="gray" variant="outline">
                {t('newProposal.admissionCoordinators')}
              </Alert>
            ))}
          {matter === 'suspension' && (
            <NativeSelect
              label={t('newProposal.memberCoop')}
              value={coopId}
              onChange={(e) => pickCoop(memberOptions, e.currentTarget.value)}
              data={[{ value: '', label: t('newProposal.chooseOne') }, ...memberOptions]}
              error={errors['subject.coopId']}
              required
            />
          )}
          {matter === 'fund_application' && (
            <FundApplicationChoice
              value={applicationId}
              error={errors['subject.applicationId']}
              onPick={(id, start) => {
                setApplicationId(id);
                if (start && !title.trim()) setTitle(start);
              }}
            />
          )}
          {matter === 'bylaw_change' &&
            (abilities.decideApplications ? (
              <>
                <ErrorAlert error={currentBylaws.error ?? bodies.error} />
                {draftBylaws && (
                  <BylawsEditor
                    bylaws={draftBylaws}
                    bodies={bodies.data?.items ?? []}
                    matter={editedMatter}
                    onMatter={setBylawMatter}
                    onChange={setBylaws}
                  />
                )}
              </>
            ) : (
              <Alert color="gray" variant="outline">
                {t('newProposal.bylawsCoordinators')}
              </Alert>
            ))}
          {matter === 'election' && (
            <>
              <Textarea
                label={t('newProposal.candidates')}
                description={t('newProposal.candidatesHint')}
                value={candidates}
                onChange={(e) => setCandidates(e.currentTarget.value)}
                autosize
                minRows={4}
                required
                error={errors.options}
              />
              <NumberInput
                label={t('newProposal.seats')}
                value={seats}
                onChange={setSeats}
                min={1}
                max={Math.max(1, options.length - 1)}
                allowDecimal={false}
                allowNegative={false}
                required
                maw={160}
                error={errors.seats}
              />
            </>
          )}
          <TextInput
            label={t('newProposal.titleField')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={200}
            error={errors.title}
          />
          <Textarea
            label={t('newProposal.text')}
            description={t('newProposal.textHint')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={6}
            required
            error={errors.text}
          />
          {localError && (
            <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
              {localError}
            </Alert>
          )}
          <ErrorAlert error={create.error} />
          <BylawsProblems error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('newProposal.submit')}
            </Button>
            <Button component={Link} to="/proposals" variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
