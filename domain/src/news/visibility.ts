/** Who reads a post: public posts everyone (and the feeds); members-only posts the network's members. */
export type Visibility = 'public' | 'members';

export const mayRead = (visibility: Visibility, isMember: boolean): boolean => visibility === 'public' || isMember;
