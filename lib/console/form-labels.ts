// How the console's forms name the API's fields where the two differ: the API's schemas word
// their messages with the API's names ("title is required"), the forms with these.

/** An organization's `title` is its name to the people who use it. */
export const ORGANIZATION_LABELS = { title: "Organization name", logo_data_uri: "Logo" } as const;

/** A user's `display_name`, as the sign-up forms ask for it. */
export const USER_LABELS = { display_name: "Name" } as const;
