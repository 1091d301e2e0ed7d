/** The core matters of the bylaws, registered once when governance loads. Modules register theirs the same way. */
import './admission.ts';
import './suspension.ts';
import './bylaw-change.ts';
import './election.ts';
import './free.ts';
import './settlement-policy.ts';
