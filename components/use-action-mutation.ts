"use client";

// A server action run as a react-query mutation, the way every console dialog runs one: a
// refusal becomes the failure the dialog shows (or, through `onRefused`, errors on its fields),
// a thrown network error the same "could not be reached" failure, and success calls `onOk`.

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ActionFailure, ActionOutcome } from "@/lib/console/action-result";
import { UNREACHABLE } from "./action-error";

export interface ActionMutationHandlers<T> {
  onOk: (data: T) => void | Promise<void>;
  /** Places a refusal (e.g. on the form's fields); answers what is left to show above the form. */
  onRefused?: (failure: ActionFailure) => ActionFailure | null;
}

export function useActionMutation<I, T>(run: (input: I) => Promise<ActionOutcome<T>>, { onOk, onRefused }: ActionMutationHandlers<T>) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const mutation = useMutation({
    mutationFn: run,
    onMutate: () => setFailure(null),
    onSuccess: async (result) => {
      if (!result.ok) {
        setFailure(onRefused ? onRefused(result.error) : result.error);
        return;
      }
      await onOk(result.data);
    },
    onError: () => setFailure(UNREACHABLE),
  });
  return { mutation, failure, setFailure };
}
