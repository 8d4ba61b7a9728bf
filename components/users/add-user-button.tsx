"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createUserSchema, type CreateUser } from "@/lib/auth/schemas";
import { ApiError } from "@/lib/queries/api";
import { useCreateUser } from "@/lib/queries/users";
import { RoleOptions } from "./role-options";

const defaultValues: z.input<typeof createUserSchema> = { email: "", name: "", role: "staff", password: "" };

export function AddUserButton() {
  const [open, setOpen] = useState(false);
  const form = useForm<z.input<typeof createUserSchema>, unknown, CreateUser>({
    resolver: zodResolver(createUserSchema),
    defaultValues,
  });
  const createUser = useCreateUser();
  const { errors } = form.formState;

  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      form.reset(defaultValues);
      createUser.reset();
    }
  };

  const submit = form.handleSubmit((values) =>
    createUser.mutate(values, {
      onSuccess: (user) => {
        toast.success(`Account created for ${user.email}`);
        close(false);
      },
      onError: (error) => {
        // Put the server's field messages (e.g. an email already in use) next to their fields.
        if (error instanceof ApiError) {
          for (const [field, message] of Object.entries(error.fields)) {
            if (field in defaultValues) form.setError(field as keyof CreateUser, { message });
          }
        }
      },
    }),
  );

  return (
    <>
      <Button onClick={() => setOpen(true)}>Add user</Button>
      <Dialog
        open={open}
        onOpenChange={close}
        title="Add user"
        description="They sign in with this email and password. Share the password with them privately."
      >
        <form id="add-user" noValidate onSubmit={submit} className="mt-4 flex flex-col gap-4">
          {createUser.isError && (
            <p
              role="alert"
              className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
            >
              {createUser.error.message}
            </p>
          )}
          <FormField id="new-user-email" label="Email" error={errors.email?.message}>
            {(control) => <Input {...control} type="email" autoComplete="off" {...form.register("email")} />}
          </FormField>
          <FormField id="new-user-name" label="Name (optional)" error={errors.name?.message}>
            {(control) => <Input {...control} autoComplete="off" {...form.register("name")} />}
          </FormField>
          <FormField id="new-user-role" label="Role" error={errors.role?.message}>
            {(control) => (
              <Select {...control} {...form.register("role")}>
                <RoleOptions />
              </Select>
            )}
          </FormField>
          <FormField
            id="new-user-password"
            label="Password"
            hint="At least 12 characters."
            error={errors.password?.message}
          >
            {(control) => (
              <Input
                {...control}
                type="password"
                autoComplete="new-password"
                {...form.register("password")}
              />
            )}
          </FormField>
          <div className="mt-2 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => close(false)} disabled={createUser.isPending}>
              Cancel
            </Button>
            <Button type="submit" disabled={createUser.isPending}>
              {createUser.isPending ? "Adding…" : "Add user"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
