// The registry: every operation of the API, for the OpenAPI document and the suites that must
// cover all of them (route coverage, tenant isolation, fuzzing). Route files and console actions
// import the definitions they serve from the area files directly.

import "server-only";
import { CREDENTIAL_OPERATIONS } from "./credentials";
import { INVITATION_OPERATIONS } from "./invitations";
import { META_OPERATIONS } from "./meta";
import { MEMBER_OPERATIONS } from "./members";
import type { Operation } from "./operation";
import { ORGANIZATION_OPERATIONS } from "./organizations";
import { ROLE_OPERATIONS } from "./roles";
import { TOKEN_OPERATIONS } from "./tokens";
import { WORKSPACE_OPERATIONS } from "./workspaces";

export const OPERATIONS: readonly Operation[] = [
  ...ORGANIZATION_OPERATIONS,
  ...WORKSPACE_OPERATIONS,
  ...MEMBER_OPERATIONS,
  ...ROLE_OPERATIONS,
  ...TOKEN_OPERATIONS,
  ...CREDENTIAL_OPERATIONS,
  ...INVITATION_OPERATIONS,
  ...META_OPERATIONS,
];

const ids = new Set<string>();
for (const op of OPERATIONS) {
  if (ids.has(op.id)) throw new Error(`two operations are named ${op.id}`);
  ids.add(op.id);
}
