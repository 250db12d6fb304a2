import Link from "next/link";
import { buttonClass } from "./button";

/** The body of a 404: the same words whether the thing is missing or belongs to someone else. */
export function NotFoundMessage({ title }: { title: string }) {
  return (
    <div className="max-w-md text-center">
      <p className="text-sm font-semibold text-link">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-2 text-sm text-muted">
        It does not exist, or you do not have access to it. If someone sent you this link, ask them to add you.
      </p>
      <Link href="/" className={buttonClass("secondary", "md", "mt-6")}>
        Go to my organizations
      </Link>
    </div>
  );
}
