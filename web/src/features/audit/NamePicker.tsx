import type { AuditName } from '@coopnet/contract/audit';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';

/**
 * A person or a co-op picked by name: what is typed is looked up on the
 * server (`/audit/people` or `/audit/coops`), and the one picked gives its id.
 */
export function NamePicker({
  label,
  kind,
  value,
  onChange,
  description,
  nothingFound,
  error,
}: {
  label: string;
  kind: 'people' | 'coops';
  value: AuditName | null;
  onChange: (picked: AuditName | null) => void;
  description?: string;
  nothingFound: string;
  error?: string;
}) {
  const [search, setSearch] = useState(value?.name ?? '');
  const [q] = useDebouncedValue(search, 250);
  const found = useQuery({
    queryKey: ['audit', kind, q],
    queryFn: ({ signal }) => api<{ items: AuditName[] }>(`/audit/${kind}`, { query: { q, limit: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
  const items = found.data?.items ?? [];
  // The one picked stays a choice while other names are looked up.
  const choices = value && !items.some((i) => i.id === value.id) ? [value, ...items] : items;
  return (
    <Select
      label={label}
      description={description}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      value={value?.id ?? null}
      onChange={(id) => onChange(choices.find((c) => c.id === id) ?? null)}
      data={choices.map((c) => ({ value: c.id, label: c.detail ? `${c.name} (${c.detail})` : c.name }))}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? undefined : nothingFound}
      error={error}
    />
  );
}
