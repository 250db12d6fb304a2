import { serve } from "@/lib/operations/serve";
import { ListOutboxMails } from "@/lib/operations/invitations";

// GET /organizations/{org}/mails — ListOutboxMails
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListOutboxMails);
