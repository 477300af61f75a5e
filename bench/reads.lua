-- wrk script of bench/reads.sh: each request GETs a path drawn at random from the file PATHS (one path a line:
-- team ids over the whole registry, list questions over every province and category), so that no single row or
-- answer is hot. TOKEN (optional) is sent as a bearer token, IF_NONE_MATCH (optional) as If-None-Match. SEQUENTIAL=1
-- (the warm-up) takes the paths in the file's order instead, so that every one is asked within the first pass.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local headers = {}
local token = os.getenv("TOKEN")
if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
local etag = os.getenv("IF_NONE_MATCH")
if etag and etag ~= "" then headers["If-None-Match"] = etag end

local sequential = os.getenv("SEQUENTIAL") == "1"
local position = 0

function init(args)
  math.randomseed(os.time() + 7)
end

request = function()
  if sequential then
    position = position % #paths + 1
    return wrk.format("GET", paths[position], headers)
  end
  return wrk.format("GET", paths[math.random(1, #paths)], headers)
end

-- one machine-readable line for the script: requests/s, p50 and p99 in ms, non-2xx/3xx answers, socket errors
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
