import { NotFoundMessage } from "@/components/not-found-message";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <NotFoundMessage title="Page not found" />
    </main>
  );
}
