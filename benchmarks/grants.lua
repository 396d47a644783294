-- wrk script: POST /grants, each request sharing the next benchmark device of rentco with acme.
local token = os.getenv("BENCH_TOKEN")
local counter = 0
local thread_id = 0
local threads = {}

setup = function(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

init = function(args)
  counter = 0
end

request = function()
  counter = counter + 1
  local n = id * 1000000 + counter
  local body = string.format('{"granteeOrg":"acme","deviceIds":["00000000-0000-4000-a000-%012d"],"role":"viewer"}', n)
  return wrk.format("POST", "/grants",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

created = 0
response = function(status, headers, body)
  if status == 201 then created = created + 1 end
end

done = function(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get("created") or 0) end
  io.write(string.format("RESULT requests=%d duration_s=%.2f created=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, total, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
