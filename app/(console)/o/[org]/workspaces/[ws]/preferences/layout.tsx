// This segment reads and changes its data through React Query (components/query-provider.tsx).
export { default } from "@/components/query-provider";
