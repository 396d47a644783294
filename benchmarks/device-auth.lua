-- wrk script: GET BENCH_PATH with one Authorization header after the other from BENCH_AUTH_FILE (one header value
-- per line, e.g. "Basic <base64>" or "Bearer <token>"; none when BENCH_AUTH_FILE is empty), printing one RESULT line
-- (same fields as the other benchmark scripts) and how many answers were 2xx, 401 and 429.
local path = os.getenv("BENCH_PATH")
local auth_file = os.getenv("BENCH_AUTH_FILE")
local values = {}
if auth_file and auth_file ~= "" then
  for line in io.lines(auth_file) do
    if line ~= "" then values[#values + 1] = line end
  end
end
local threads = {}

setup = function(thread)
  thread:set("offset", #threads * 7919)
  threads[#threads + 1] = thread
end

local i = 0
-- Globals, so that done() can read each thread's counts (thread:get).
n2xx, n401, n429, nother = 0, 0, 0, 0

init = function(args)
  i = offset or 0
end

request = function()
  i = i + 1
  if #values == 0 then return wrk.format("GET", path) end
  return wrk.format("GET", path, { ["Authorization"] = values[(i % #values) + 1] })
end

response = function(status, headers, body)
  if status >= 200 and status < 300 then n2xx = n2xx + 1
  elseif status == 401 then n401 = n401 + 1
  elseif status == 429 then n429 = n429 + 1
  else nother = nother + 1 end
end

done = function(summary, latency, requests)
  local a, b, c, d = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("n2xx"); b = b + t:get("n401"); c = c + t:get("n429"); d = d + t:get("nother")
  end
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d"
    .. " s2xx=%d s401=%d s429=%d sother=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, a, b, c, d))
end
