// Workspace schemas (API.md §3): input parsing for create/update and the v1Workspace output.

import { z } from "zod";
import { charLength, emailSchema, ignoredOutputFields, trimmedText } from "./common";
import { multilineText, text } from "./text";
import { DATA_REGIONS, PII_STRATEGIES, STATE_TRANSITION_REASONS, WORKSPACE_ICONS, WORKSPACE_STATES, WORKSPACE_UPDATABLE, type StateTransitionReason, type WorkspaceUpdatablePath } from "./values";

export { DATA_REGIONS, PII_STRATEGIES, STATE_TRANSITION_REASONS, WORKSPACE_ICONS, WORKSPACE_STATES, WORKSPACE_UPDATABLE, type StateTransitionReason, type WorkspaceUpdatablePath };

const EMOJI = /^\p{Extended_Pictographic}\uFE0F?(\u200D\p{Extended_Pictographic}\uFE0F?)*$/u;

export const workspaceIcon = text("workspace_icon")
  .refine((s) => s === "" || (WORKSPACE_ICONS as readonly string[]).includes(s) || (EMOJI.test(s) && charLength(s) <= 8), {
    message: `workspace_icon must be one of ${WORKSPACE_ICONS.join(", ")}, or one emoji`,
  });

export const workspaceIconColor = text("workspace_icon_color")
  .refine((s) => s === "" || /^#[0-9A-Fa-f]{6}$/.test(s), { message: "workspace_icon_color must be #RRGGBB" })
  .transform((s) => s.toUpperCase());

// Bird's DomainName pattern, at most 253 characters; empty clears it.
const DOMAIN = /^(([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,})?$/;
export const domainName = text("configuration.domain")
  .trim()
  .max(253, { message: "configuration.domain must be at most 253 characters" })
  .refine((s) => DOMAIN.test(s), { message: "configuration.domain must be a DNS name such as acme.example" })
  .transform((s) => s.toLowerCase());

export const dataPolicyInput = z.strictObject({
  group: z.enum(DATA_REGIONS, { error: `data_policy.group must be one of ${DATA_REGIONS.join(", ")}` }),
  regions: z
    .array(
      z.strictObject({
        region: z.enum(DATA_REGIONS, { error: `region must be one of ${DATA_REGIONS.join(", ")}` }),
        priority: z.number().int().min(0, { message: "priority must be 0 or more" }),
      }),
    )
    .min(1, { message: "data_policy.regions needs at least one region" })
    .max(DATA_REGIONS.length)
    .refine((rs) => new Set(rs.map((r) => r.region)).size === rs.length, { message: "data_policy.regions lists a region twice" }),
  pii_strategy: z.enum(PII_STRATEGIES, { error: "pii_strategy must be DEFAULT or STRICT" }).default("DEFAULT"),
});

export type DataPolicy = z.output<typeof dataPolicyInput>;

export const DEFAULT_DATA_POLICY: DataPolicy = {
  group: "us-west-2",
  regions: [{ region: "us-west-2", priority: 0 }],
  pii_strategy: "DEFAULT",
};

export const WORKSPACE_OUTPUT_ONLY = [
  "name", "workspace_id", "create_time", "update_time", "delete_time", "purge_time",
  "creator_display_name", "creator_email", "etag", "state", "state_transitions",
] as const;

export const workspaceTitle = trimmedText("title", 1, 256);
export const workspaceDescription = multilineText("description").refine((s) => charLength(s) <= 1024, { message: "description must be at most 1024 characters" });

export const WorkspaceCreateInput = z.strictObject({
  title: workspaceTitle,
  description: workspaceDescription.optional().default(""),
  workspace_icon: workspaceIcon.optional().default(""),
  workspace_icon_color: workspaceIconColor.optional().default(""),
  data_policy: dataPolicyInput.optional(),
  configuration: z.strictObject({ domain: domainName.optional().default("") }).optional(),
  ...ignoredOutputFields(WORKSPACE_OUTPUT_ONLY),
});
export type WorkspaceCreateInput = z.output<typeof WorkspaceCreateInput>;

/** The fields PATCH may change (API.md §3); `data_policy` is set at create and immutable after. */

/** The update mask of PATCH …/workspaces/{ws}: `data_policy` is set at create and immutable after. */
export const WORKSPACE_UPDATE_MASK = { updatable: WORKSPACE_UPDATABLE, outputOnly: WORKSPACE_OUTPUT_ONLY, immutable: ["data_policy"] } as const;

// `etag` is not ignored here: on an update it is the AIP-154 precondition.
const UPDATE_IGNORED = WORKSPACE_OUTPUT_ONLY.filter((k) => k !== "etag");

export const WorkspaceUpdateInput = z.strictObject({
  title: workspaceTitle.optional(),
  description: workspaceDescription.optional(),
  workspace_icon: workspaceIcon.optional(),
  workspace_icon_color: workspaceIconColor.optional(),
  configuration: z.strictObject({ domain: domainName.optional() }).optional(),
  data_policy: dataPolicyInput.optional(),
  etag: text("etag").max(64).optional(),
  ...ignoredOutputFields(UPDATE_IGNORED),
});
export type WorkspaceUpdateInput = z.output<typeof WorkspaceUpdateInput>;

/** DELETE and :undelete may carry the AIP-154 etag in a JSON body (besides If-Match, and `?etag=` on DELETE). */
export const WorkspaceDeleteInput = z.strictObject({ etag: text("etag").max(64).optional() });


export const WorkspaceStateChangeInput = z.strictObject({
  reason: z
    .enum(STATE_TRANSITION_REASONS, { error: `reason must be one of ${STATE_TRANSITION_REASONS.join(", ")}` })
    .optional()
    .default("USER_INITIATED"),
  comment: multilineText("comment")
    .refine((s) => charLength(s) <= 1024, { message: "comment must be at most 1024 characters" })
    .optional()
    .default(""),
});
export type WorkspaceStateChangeInput = z.output<typeof WorkspaceStateChangeInput>;

export const WorkspaceCloneInput = z.strictObject({
  title: workspaceTitle,
  include_members: z.boolean({ error: "include_members must be true or false" }).optional().default(false),
});
export type WorkspaceCloneInput = z.output<typeof WorkspaceCloneInput>;

/** The built-in workspace roles a batch may assign (custom roles do not exist before the workspace does). */
export const BATCH_MEMBER_ROLES = ["workspace-admin", "workspace-editor", "workspace-viewer"] as const;

const workspaceIdText = text("workspace id").min(1, { message: "must not be empty" }).max(100, { message: "is not a workspace id" });

/** A workspace of a batch: like create, but unset fields stay unset so a template can fill them. */
export const WorkspaceDraftInput = z.strictObject({
  title: workspaceTitle,
  description: workspaceDescription.optional(),
  workspace_icon: workspaceIcon.optional(),
  workspace_icon_color: workspaceIconColor.optional(),
  data_policy: dataPolicyInput.optional(),
  configuration: z.strictObject({ domain: domainName.optional() }).optional(),
  ...ignoredOutputFields(WORKSPACE_OUTPUT_ONLY),
});
export type WorkspaceDraftInput = z.output<typeof WorkspaceDraftInput>;

export const MAX_BATCH_REQUESTS = 100;
export const MAX_BATCH_MEMBERS = 100;

export const BatchCreateWorkspacesInput = z.strictObject({
  requests: z
    .array(
      z.strictObject({
        workspace: WorkspaceDraftInput,
        members: z
          .array(
            z.strictObject({
              email: emailSchema,
              roles: z
                .array(z.enum(BATCH_MEMBER_ROLES, { error: `roles must be built-in workspace role ids: ${BATCH_MEMBER_ROLES.join(", ")}` }))
                .min(1, { message: "roles needs at least one role" })
                .refine((rs) => new Set(rs).size === rs.length, { message: "roles lists a role twice" }),
            }),
          )
          .max(MAX_BATCH_MEMBERS, { message: `at most ${MAX_BATCH_MEMBERS} members per workspace` })
          .optional()
          .default([])
          .superRefine((members, issue) => {
            const seen = new Set<string>();
            members.forEach((m, i) => {
              if (seen.has(m.email)) issue.addIssue({ code: "custom", path: [i, "email"], message: "lists this email twice" });
              seen.add(m.email);
            });
          }),
      }),
      { error: "requests must be a list" },
    )
    .min(1, { message: "requests needs at least one request" })
    .max(MAX_BATCH_REQUESTS, { message: `at most ${MAX_BATCH_REQUESTS} requests per batch` }),
  template_workspace_id: workspaceIdText.optional(),
  /** AIP-163: run every check and answer each request's verdict; write nothing. */
  validate_only: z.boolean({ error: "validate_only must be true or false" }).optional().default(false),
});
export type BatchCreateWorkspacesInput = z.output<typeof BatchCreateWorkspacesInput>;

export const MAX_COUNT_USERS_IDS = 1000;

export const CountWorkspaceUsersInput = z.strictObject({
  workspace_ids: z
    .array(workspaceIdText, { error: "workspace_ids must be a list of workspace ids" })
    .min(1, { message: "workspace_ids needs at least one id" })
    .max(MAX_COUNT_USERS_IDS, { message: `workspace_ids takes at most ${MAX_COUNT_USERS_IDS} ids` }),
});
export type CountWorkspaceUsersInput = z.output<typeof CountWorkspaceUsersInput>;

export const StateTransitionOutput = z.object({
  from_state: z.enum(WORKSPACE_STATES),
  to_state: z.enum(WORKSPACE_STATES),
  reason: z.enum(STATE_TRANSITION_REASONS),
  comment: z.string(),
  transition_time: z.string(),
  transitioned_by: z.object({ type: z.enum(["USER", "ACCESS_KEY"]), id: z.string() }),
});

export const WorkspaceOutput = z.object({
  name: z.string(),
  workspace_id: z.string(),
  title: z.string(),
  description: z.string(),
  workspace_icon: z.string(),
  workspace_icon_color: z.string(),
  state: z.enum(WORKSPACE_STATES),
  state_transitions: z.array(StateTransitionOutput),
  data_policy: z.object({
    group: z.string(),
    regions: z.array(z.object({ region: z.string(), priority: z.number() })),
    pii_strategy: z.string(),
  }),
  configuration: z.object({ domain: z.string() }),
  create_time: z.string(),
  update_time: z.string(),
  delete_time: z.string().nullable(),
  purge_time: z.string().nullable(),
  creator_display_name: z.string(),
  creator_email: z.string(),
  etag: z.string(),
});
export type WorkspaceOutput = z.infer<typeof WorkspaceOutput>;

export const ListWorkspacesOutput = z.object({
  workspaces: z.array(WorkspaceOutput),
  next_page_token: z.string(),
  total_size: z.number().int(),
  total_size_is_estimate: z
    .boolean()
    .optional()
    .describe("Present (true) when total_size is an estimate: lists of more than 10,000 workspaces (AIP-158). Absent: total_size is exact."),
});
export type ListWorkspacesOutput = z.infer<typeof ListWorkspacesOutput>;

export const BATCH_MEMBER_OUTCOMES = ["ADD_MEMBER", "INVITE"] as const;

/** What a batch would do for one listed member: add an organization member, or invite. */
export const BatchMemberOutcome = z.object({ email: z.string(), outcome: z.enum(BATCH_MEMBER_OUTCOMES) });
export type BatchMemberOutcome = z.infer<typeof BatchMemberOutcome>;

/** A `validate_only` batch's answer: each request's verdict, in request order. */
export const BatchValidationOutput = z.object({
  valid: z.boolean(),
  requests: z.array(
    z.object({
      index: z.number().int(),
      title: z.string(),
      valid: z.boolean(),
      /** What the real call would refuse for this request: field path, gRPC code name, ErrorInfo reason, a sentence. */
      violations: z.array(z.object({ field: z.string(), code: z.string(), reason: z.string(), description: z.string() })),
      members: z.array(BatchMemberOutcome),
    }),
  ),
});
export type BatchValidationOutput = z.infer<typeof BatchValidationOutput>;

/** `workspaces` holds the created ones (empty with `validate_only`, which answers `validation` instead). */
export const BatchCreateWorkspacesOutput = z.object({ workspaces: z.array(WorkspaceOutput), validation: BatchValidationOutput.optional() });
export type BatchCreateWorkspacesOutput = z.infer<typeof BatchCreateWorkspacesOutput>;

export const CountWorkspaceUsersOutput = z.object({ workspace_user_counts: z.record(z.string(), z.number().int()) });
export type CountWorkspaceUsersOutput = z.infer<typeof CountWorkspaceUsersOutput>;

export type StateTransition = z.infer<typeof StateTransitionOutput>;

/** Kognitos CurrentUserOrganizationWorkspaces. */
export const ListCurrentUserWorkspacesOutput = z.object({
  user_workspaces: z.array(WorkspaceOutput),
  next_page_token: z.string(),
});
