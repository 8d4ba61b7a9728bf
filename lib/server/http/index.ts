export type { SessionUser } from "@/lib/server/auth/sessions";
export { errorResponse, fieldErrors, HttpError, toErrorResponse, type FieldErrors } from "./errors";
export { largeUploadSlots } from "./large-body-slots";
export { readJson } from "./read-json";
export { clientAddress } from "./client-address";
export { isHttpsRequest, publicOrigin } from "./request-info";
export { readJsonList } from "./read-json-list";
export { publicRoute, route, type RouteContext, type RouteOptions } from "./route";
