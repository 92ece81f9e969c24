import { api, type Schemas } from '../../api/client';

export type User = Schemas['UserViewDto'];

/** Every user (admin), page by page, for owner names and pickers. */
export async function allUsers(): Promise<User[]> {
  const users: User[] = [];
  let after: string | undefined;
  for (let page = 0; page < 20; page += 1) {
    const { data } = await api.GET('/api/users', { params: { query: { limit: 200, ...(after ? { after } : {}) } } });
    if (!data) throw new Error('could not load the users');
    users.push(...data.items);
    if (!data.nextAfter) break;
    after = data.nextAfter;
  }
  return users;
}

export function userNames(users: readonly User[]): Map<string, string> {
  return new Map(users.map((u) => [u.userId, `${u.displayName} (${u.email})`]));
}
