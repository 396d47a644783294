-- wrk script: GET BENCH_PATH (a page of GET /devices, or a ceiling) with the bearer token BENCH_TOKEN, printing
-- one RESULT line (same fields as the other benchmark scripts); non-2xx answers count as errors.
local token = os.getenv("BENCH_TOKEN")
local path = os.getenv("BENCH_PATH")

request = function()
  local headers = {}
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", path, headers)
end

local bad = 0
response = function(status, headers, body)
  if status >= 300 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
