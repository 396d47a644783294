-- wrk script of benchmarks/console-pages.sh: GET BENCH_PATH with the console's session cookie BENCH_COOKIE (a page)
-- or the bearer token BENCH_TOKEN (a service's own call), printing one RESULT line (the fields of the other
-- benchmarks' scripts, plus bytes per answer). An answer counts as an error unless it is a 200 whose body holds
-- BENCH_MARKER: a lapsed session answers 302 to Keycloak, which wrk itself would not count. BENCH_PATHS (paths
-- separated by spaces) instead of BENCH_PATH asks them in turn (the warm-up).
local cookie = os.getenv("BENCH_COOKIE")
local token = os.getenv("BENCH_TOKEN")
local marker = os.getenv("BENCH_MARKER") or ""
local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or os.getenv("BENCH_PATH"), "%S+") do table.insert(paths, p) end

local n = 0
request = function()
  local headers = {}
  if cookie and cookie ~= "" then headers["Cookie"] = cookie end
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  n = n + 1
  return wrk.format("GET", paths[1 + n % #paths], headers)
end

bad = 0  -- global: done() reads it from each thread
response = function(status, headers, body)
  if status ~= 200 or (marker ~= "" and not string.find(body, marker, 1, true)) then bad = bad + 1 end
end

-- Every thread runs its own copy of response(): collect their counts at the end.
local threads = {}
setup = function(thread) table.insert(threads, thread) end

done = function(summary, latency, requests)
  local wrong = 0
  for _, t in ipairs(threads) do wrong = wrong + (t:get("bad") or 0) end
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d wrong=%d bytes_per_answer=%.0f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    wrong, summary.requests > 0 and summary.bytes / summary.requests or 0))
end
