// A web or mobile client's flow through the generated TypeScript client of teams-api (README, "Integrating"), run by
// the end-to-end suite (scripts/e2e, TypeScriptSdkIT) against the running service: register a supporting unit with an
// Idempotency-Key and repeat the request as a retry after a timeout would, read it back with its ETag, change it
// with If-Match, and branch on the problem type of a stale If-Match. Prints one JSON line of what it saw.
//
// Environment: TEAMS_API_URL (base URL), TOKEN (a bearer token of a level that may register units in PROVINCE),
// PROVINCE, CREDIT_CODE (a valid unified social credit code, new to the registry), IDEMPOTENCY_KEY.
import {
  Configuration,
  ResponseError,
  SupportingUnitsApi,
  type Problem,
  type SupportingUnitInput,
} from "../target/typescript/teams-api";

function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

/** The problem body of a refused call (application/problem+json), or undefined when the error is not an answer. */
async function problemOf(error: unknown): Promise<Problem | undefined> {
  if (error instanceof ResponseError) {
    return (await error.response.json()) as Problem;
  }
  return undefined;
}

async function main(): Promise<void> {
  const units = new SupportingUnitsApi(new Configuration({
    basePath: env("TEAMS_API_URL"),
    accessToken: async () => env("TOKEN"),
  }));
  const idempotencyKey = env("IDEMPOTENCY_KEY");
  const input: SupportingUnitInput = {
    name: "四川省川煤应急救援集团（SDK）",
    creditCode: env("CREDIT_CODE"),
    province: env("PROVINCE"),
    contactName: "王建国",
    contactPhone: "028-86001234",
  };

  // a creation that is safe to retry: the same key and body answer the first response again
  const created = await units.createSupportingUnitRaw({ supportingUnitInput: input, idempotencyKey });
  const unit = await created.value();
  const retried = await units.createSupportingUnitRaw({ supportingUnitInput: input, idempotencyKey });
  const again = await retried.value();

  // the read carries the ETag; a change sends it back in If-Match
  const read = await units.getSupportingUnitRaw({ unitId: unit.id });
  const etag = read.raw.headers.get("ETag") ?? "";
  const readBack = await read.value();
  const updated = await units.updateSupportingUnitRaw({
    unitId: unit.id,
    ifMatch: etag,
    supportingUnitInput: { ...input, contactName: "李明" },
  });
  const newEtag = updated.raw.headers.get("ETag") ?? "";

  // the old ETag is now stale: 412, and the client branches on the problem type, not on the text
  let staleType = "";
  let staleStatus = 0;
  try {
    await units.updateSupportingUnitRaw({ unitId: unit.id, ifMatch: etag, supportingUnitInput: input });
  } catch (error) {
    const problem = await problemOf(error);
    if (problem === undefined) {
      throw error;
    }
    staleType = problem.type;
    staleStatus = problem.status;
  }

  console.log(JSON.stringify({
    created: unit.id,
    createdStatus: created.raw.status,
    replayed: again.id,
    replayedStatus: retried.raw.status,
    replayedHeader: retried.raw.headers.get("Idempotent-Replayed"),
    readBack: readBack.id,
    readBackName: readBack.name,
    version: readBack.version,
    etag,
    updatedContact: (await updated.value()).contactName,
    newEtag,
    staleStatus,
    staleType,
  }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.exit(1);
});
