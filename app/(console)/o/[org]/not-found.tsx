import { NotFoundMessage } from "@/components/not-found-message";

export default function NotFound() {
  return (
    <div className="mx-auto flex justify-center py-16">
      <NotFoundMessage title="Not found" />
    </div>
  );
}
