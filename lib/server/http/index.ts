export type { SessionUser } from "@/lib/server/auth/sessions";
export { errorResponse, fieldErrors, HttpError, toErrorResponse, type FieldErrors } from "./errors";
export { largeUploadSlots } from "./large-body-slots";
export { pathId, pathParam, requestRegion } from "./params";
export { readJson } from "./read-json";
export { clientAddress } from "./client-address";
export { isHttpsRequest } from "./request-info";
export { readJsonList } from "./read-json-list";
export { publicRoute, route, type RouteOptions } from "./route";
