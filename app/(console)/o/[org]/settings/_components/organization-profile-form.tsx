"use client";

// Title and logo. The API stores the logo as a base64 data: URI (PNG, JPEG, GIF, WebP or SVG, at
// most 256 KiB of text), not a link to a remote image, so the form reads a chosen file into one.
// react-hook-form over the API's OrganizationUpdateInput: the browser checks what the server
// will, and the server's field violations land on the field they name. Only the fields that
// changed are sent, named in the update mask.

import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition, type ChangeEvent } from "react";
import { useController, useForm, useWatch } from "react-hook-form";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { CharacterCount } from "@/components/character-count";
import { Field, FieldError, controlProps, fieldIds, inputClass } from "@/components/field";
import { ReasonButton } from "@/components/reason-button";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
import { applyServerErrors, schemaResolver } from "@/lib/console/form-errors";
import { ORGANIZATION_LABELS } from "@/lib/console/form-labels";
import { useUnsavedChanges } from "@/lib/console/use-unsaved-changes";
import type { Gate } from "@/lib/operations/gates";
import type { OrganizationOutput } from "@/lib/schemas/organizations";
import { MAX_LOGO_CHARS } from "@/lib/schemas/values";
import { updateOrganizationAction } from "../actions";

const LOGO_TYPES = "image/png,image/jpeg,image/gif,image/webp,image/svg+xml";
const TITLE_MAX = 256;

type ProfileValues = { title: string; logo_data_uri: string };
const loadSchemas = () => import("@/lib/schemas/organizations");
const resolver = schemaResolver<ProfileValues>(
  () => loadSchemas().then((m) => m.OrganizationUpdateInput.pick({ title: true, logo_data_uri: true })),
  ORGANIZATION_LABELS,
);

function readAsDataUri(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function OrganizationProfileForm({ org, organization, edit }: { org: string; organization: OrganizationOutput; edit: Gate }) {
  const canEdit = edit.can;
  const uid = useId();
  const titleIds = fieldIds(`${uid}-title`);
  const logoIds = fieldIds(`${uid}-logo`);
  const saved: ProfileValues = { title: organization.title, logo_data_uri: organization.logo_data_uri };
  // `values` follows a save elsewhere (or a transfer) that re-renders the page with new props;
  // fields the user has edited keep their edits.
  const form = useForm<ProfileValues>({ values: saved, resetOptions: { keepDirtyValues: true }, resolver });
  // The upload button stands for the logo field: an error there focuses it.
  const {
    field: { ref: logoButtonRef, onChange: setLogo },
  } = useController({ control: form.control, name: "logo_data_uri" });
  const [title, logo] = useWatch({ control: form.control, name: ["title", "logo_data_uri"] });
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const fileRef = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const toast = useToast();
  const errors = form.formState.errors;

  // What the server has: the props, or the answer of the last save until the page re-renders.
  const base = { title: form.formState.defaultValues?.title ?? saved.title, logo_data_uri: form.formState.defaultValues?.logo_data_uri ?? saved.logo_data_uri };
  const dirty = title.trim() !== base.title || logo !== base.logo_data_uri;
  useUnsavedChanges(canEdit && dirty);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    const refuse = (message: string) => form.setError("logo_data_uri", { type: "file", message }, { shouldFocus: true });
    if (!LOGO_TYPES.split(",").includes(file.type)) return refuse("Choose a PNG, JPEG, GIF, WebP or SVG image.");
    const uri = await readAsDataUri(file).catch(() => "");
    // Unchecked here if the schema cannot be loaded: the server checks the logo on save anyway.
    const schemas = await loadSchemas().catch(() => null);
    if (!uri || (schemas && !schemas.logoDataUri.safeParse(uri).success)) {
      return refuse(
        uri.length > MAX_LOGO_CHARS ? "The image is too large: a logo may be at most 256 KiB once encoded (about 190 KB as a file)." : "This file could not be read as an image.",
      );
    }
    form.clearErrors("logo_data_uri");
    setLogo(uri);
  };

  const submit = form.handleSubmit((values) => {
    if (!canEdit || pending) return;
    setFailure(null);
    const body: Partial<ProfileValues> = {};
    if (values.title.trim() !== base.title) body.title = values.title;
    if (values.logo_data_uri !== base.logo_data_uri) body.logo_data_uri = values.logo_data_uri;
    const mask = Object.keys(body);
    if (mask.length === 0) return;
    startTransition(async () => {
      const result = await updateOrganizationAction(org, body, mask.join(",")).catch(() => null);
      if (!result) return setFailure(UNREACHABLE);
      if (!result.ok) return setFailure(applyServerErrors(form, result.error, { labels: ORGANIZATION_LABELS }));
      form.reset({ title: result.data.title, logo_data_uri: result.data.logo_data_uri });
      toast({ title: "Organization saved", description: `“${result.data.title}” is up to date.` });
      // The header's organization switcher is rendered by the server: let it read the new title.
      router.refresh();
    });
  });

  const letter = [...(title.trim() || organization.title)][0]?.toUpperCase() ?? "?";
  const titleError = errors.title?.message;
  const logoError = errors.logo_data_uri?.message;

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <ActionErrorAlert failure={failure} />
      <Field
        ids={titleIds}
        label={ORGANIZATION_LABELS.title}
        error={titleError}
        hint={canEdit ? <CharacterCount value={title} max={TITLE_MAX} /> : `Read-only: ${edit.reason}`}
      >
        <input
          {...controlProps(titleIds, { error: titleError, hint: true })}
          {...form.register("title")}
          readOnly={!canEdit}
          maxLength={TITLE_MAX}
          autoComplete="organization"
          className={`${inputClass} sm:max-w-md read-only:bg-surface-2`}
        />
      </Field>

      <fieldset aria-describedby={`${logoIds.hintId}${logoError ? ` ${logoIds.errorId}` : ""}`}>
        <legend className="mb-1.5 text-sm font-medium">{ORGANIZATION_LABELS.logo_data_uri}</legend>
        <div className="flex flex-wrap items-center gap-4">
          <span className="inline-flex size-16 shrink-0 items-center justify-center overflow-hidden rounded-xl border border-border bg-surface-2 text-2xl font-semibold text-muted">
            {logo ? (
              // eslint-disable-next-line @next/next/no-img-element -- a data: URI, nothing for next/image to optimize
              <img src={logo} alt="Logo preview" className="size-full object-contain" />
            ) : (
              <span aria-label="No logo">{letter}</span>
            )}
          </span>
          {canEdit ? (
            <div className="flex flex-wrap gap-2">
              <input ref={fileRef} id={logoIds.id} type="file" accept={LOGO_TYPES} onChange={onFile} className="sr-only" tabIndex={-1} aria-hidden="true" />
              <Button ref={logoButtonRef} variant="secondary" size="sm" onClick={() => fileRef.current?.click()}>
                {logo ? "Replace image…" : "Upload image…"}
              </Button>
              {logo ? (
                <Button variant="ghost" size="sm" onClick={() => setLogo("")}>
                  Remove logo
                </Button>
              ) : null}
            </div>
          ) : null}
        </div>
        <p id={logoIds.hintId} className="mt-1.5 text-xs text-muted">
          PNG, JPEG, GIF, WebP or SVG, up to 256 KiB encoded. It is stored with the organization (not linked from another site).
        </p>
        <FieldError id={logoIds.errorId} message={logoError} />
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <ReasonButton type="submit" reason={edit.reason} disabled={canEdit && (pending || !dirty)}>
          {pending ? <Spinner /> : null}
          Save changes
        </ReasonButton>
        {canEdit && dirty && !pending ? (
          <Button
            variant="ghost"
            onClick={() => {
              form.reset(base);
              setFailure(null);
            }}
          >
            Discard
          </Button>
        ) : null}
      </div>
    </form>
  );
}
