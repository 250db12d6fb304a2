"use client";

import { useEffect, useRef, useState } from "react";

type SwaggerUIBundle = (options: { url: string; domNode: HTMLElement; deepLinking: boolean; tryItOutEnabled: boolean }) => unknown;

async function loadBundle(): Promise<SwaggerUIBundle> {
  // Loaded on this page only: the viewer is large and no other page needs it.
  const mod = (await import("swagger-ui-dist/swagger-ui-bundle.js")) as unknown as { default?: SwaggerUIBundle } & SwaggerUIBundle;
  return mod.default ?? mod;
}

/** Swagger UI over the document; "Try it out" calls the API with the browser's session. */
export function ApiReference({ specUrl }: { specUrl: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  useEffect(() => {
    let cancelled = false;
    loadBundle()
      .then((bundle) => {
        if (cancelled || !ref.current) return;
        bundle({ url: specUrl, domNode: ref.current, deepLinking: true, tryItOutEnabled: false });
        setState("ready");
      })
      .catch(() => !cancelled && setState("failed"));
    return () => {
      cancelled = true;
    };
  }, [specUrl]);
  return (
    <main>
      {state === "loading" && <p className="px-6 py-8 text-sm text-slate-600" role="status">Loading the API reference…</p>}
      {state === "failed" && (
        <p className="px-6 py-8 text-sm text-red-700" role="alert">
          The reference viewer could not be loaded. The document itself is at <a className="underline" href={specUrl}>{specUrl}</a>.
        </p>
      )}
      <div ref={ref} data-testid="api-reference" />
    </main>
  );
}
