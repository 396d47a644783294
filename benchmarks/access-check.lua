-- wrk script: POST /access/check for random (org, device, capability) over the seeded benchmark data.
-- Half the questions are about an organization that holds a grant on the device, half about a random one.
local token = os.getenv("BENCH_TOKEN")
local caps = {"view", "publish-design"}

local function device(n) return string.format("00000000-0000-4000-8000-%012d", n) end
local function org(i) return string.format("bench-org-%05d", i % 10000) end

math.randomseed(os.time())

request = function()
  local n = math.random(1, 200000)
  local who
  if math.random() < 0.5 then
    if n <= 99000 then
      who = org(n % 10000 + 7 * math.random(0, 9) + 1)
    elseif n > 100000 then
      who = org(math.floor((n - 100001) / 10) + 5000)
    else
      who = org(math.random(0, 9999))
    end
  else
    who = org(math.random(0, 9999))
  end
  local body = string.format('{"org":"%s","device":"%s","capability":"%s"}', who, device(n), caps[math.random(1, 2)])
  return wrk.format("POST", "/access/check",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
