"use client";

// Title and logo. The API stores the logo as a base64 data: URI (PNG, JPEG, GIF, WebP or SVG, at
// most 256 KiB of text), not a link to a remote image, so the form reads a chosen file into one.
// Only the fields that changed are sent, named in the update mask.

import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition, type ChangeEvent, type FormEvent } from "react";
import { Button, Spinner } from "@/components/button";
import { Field, FieldError, controlProps, fieldIds, inputClass } from "@/components/field";
import { useToast } from "@/components/toast";
import { relabel, type ActionFailure } from "@/lib/console/action-result";
import { MAX_LOGO_CHARS, logoDataUri, type OrganizationOutput } from "@/lib/schemas/organizations";
import { updateOrganizationAction } from "../actions";
import { ReasonButton } from "@/components/reason-button";
import type { Gate } from "@/lib/operations/gates";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";

const LOGO_TYPES = "image/png,image/jpeg,image/gif,image/webp,image/svg+xml";

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
  const [title, setTitle] = useState(organization.title);
  const [logo, setLogo] = useState(organization.logo_data_uri);
  const [saved, setSaved] = useState({ title: organization.title, logo: organization.logo_data_uri });
  const [errors, setErrors] = useState<{ title?: string; logo?: string }>({});
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const fileRef = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const toast = useToast();

  // A save elsewhere (or a transfer) re-renders the page with new props: follow them unless edited.
  if (organization.title !== saved.title || organization.logo_data_uri !== saved.logo) {
    if (title === saved.title) setTitle(organization.title);
    if (logo === saved.logo) setLogo(organization.logo_data_uri);
    setSaved({ title: organization.title, logo: organization.logo_data_uri });
  }

  const dirty = title.trim() !== saved.title || logo !== saved.logo;

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    if (!LOGO_TYPES.split(",").includes(file.type)) {
      setErrors((x) => ({ ...x, logo: "Choose a PNG, JPEG, GIF, WebP or SVG image." }));
      return;
    }
    const uri = await readAsDataUri(file).catch(() => "");
    const parsed = logoDataUri.safeParse(uri);
    if (!uri || !parsed.success) {
      setErrors((x) => ({
        ...x,
        logo: uri.length > MAX_LOGO_CHARS ? "The image is too large: a logo may be at most 256 KiB once encoded (about 190 KB as a file)." : "This file could not be read as an image.",
      }));
      return;
    }
    setErrors((x) => ({ ...x, logo: undefined }));
    setLogo(uri);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!canEdit || pending) return;
    setFailure(null);
    const body: Record<string, string> = {};
    const mask: string[] = [];
    if (title.trim() !== saved.title) {
      if (!title.trim()) {
        setErrors((x) => ({ ...x, title: "Name is required" }));
        return;
      }
      body.title = title;
      mask.push("title");
    }
    if (logo !== saved.logo) {
      body.logo_data_uri = logo;
      mask.push("logo_data_uri");
    }
    if (mask.length === 0) return;
    startTransition(async () => {
      const result = await updateOrganizationAction(org, body, mask.join(",")).catch(() => null);
      if (!result) {
        setFailure(UNREACHABLE);
        return;
      }
      if (!result.ok) {
        const next: { title?: string; logo?: string } = {};
        for (const v of result.error.fieldViolations) {
          const text = relabel(v.description, v.field === "title" ? "title" : "logo_data_uri", v.field === "title" ? "name" : "logo");
          if (v.field === "title") next.title ??= text;
          else if (v.field === "logo_data_uri") next.logo ??= text;
        }
        setErrors(next);
        if (!next.title && !next.logo) setFailure(result.error);
        return;
      }
      setErrors({});
      setSaved({ title: result.data.title, logo: result.data.logo_data_uri });
      setTitle(result.data.title);
      setLogo(result.data.logo_data_uri);
      toast({ title: "Organization saved", description: `“${result.data.title}” is up to date.` });
      // The header's organization switcher is rendered by the server: let it read the new title.
      router.refresh();
    });
  };

  const letter = [...(title.trim() || organization.title)][0]?.toUpperCase() ?? "?";

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <ActionErrorAlert failure={failure} />
      <Field ids={titleIds} label="Organization name" error={errors.title} hint={canEdit ? undefined : `Read-only: ${edit.reason}`}>
        <input
          {...controlProps(titleIds, { error: errors.title, hint: !canEdit })}
          name="title"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            if (errors.title) setErrors((x) => ({ ...x, title: undefined }));
          }}
          readOnly={!canEdit}
          maxLength={256}
          autoComplete="organization"
          className={`${inputClass} sm:max-w-md read-only:bg-surface-2`}
        />
      </Field>

      <fieldset aria-describedby={`${logoIds.hintId}${errors.logo ? ` ${logoIds.errorId}` : ""}`}>
        <legend className="mb-1.5 text-sm font-medium">Logo</legend>
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
              <Button variant="secondary" size="sm" onClick={() => fileRef.current?.click()}>
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
        <FieldError id={logoIds.errorId} message={errors.logo} />
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
              setTitle(saved.title);
              setLogo(saved.logo);
              setErrors({});
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
