import type { Metadata } from "next";
import Link from "next/link";
import "swagger-ui-dist/swagger-ui.css";
import { ApiReference } from "./api-reference";

export const metadata: Metadata = { title: "API reference · Workspace Admin" };

// /docs — the REST API reference, rendered from /api/v1/openapi.json by Swagger UI bundled with
// the app (no CDN: it works with no internet).
export default function DocsPage() {
  return (
    <div className="min-h-screen bg-white text-slate-900">
      <header className="flex items-center justify-between border-b border-slate-200 px-6 py-3">
        <h1 className="text-lg font-semibold">Workspace Admin API reference</h1>
        <nav className="flex gap-4 text-sm">
          <a className="text-indigo-700 underline" href="/api/v1/openapi.json">
            openapi.json
          </a>
          <Link className="text-indigo-700 underline" href="/">
            Console
          </Link>
        </nav>
      </header>
      <ApiReference specUrl="/api/v1/openapi.json" />
    </div>
  );
}
