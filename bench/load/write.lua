-- wrk script for writes: every request POSTs a distinct ~300-character comment.
-- Environment:
--   BENCH_TARGET  "parley" (accepted = status 201) or "waline" (accepted = status 200 with "errno":0 in the body)
--   BENCH_PATH    request path (default: the URL's path)
--   BENCH_SITE    Parley site id            BENCH_THREAD  thread: Parley page URL / Waline path
--   BENCH_NONCE   makes bodies distinct between runs (Waline refuses duplicate comments)
--   BENCH_ORIGIN  Origin header, as the widget's cross-origin fetch sends it (optional)
-- Prints one line "WRK_JSON {...}" with the summary (latencies in microseconds) and accepted/rejected counts.

local target = os.getenv("BENCH_TARGET") or "parley"
local site = os.getenv("BENCH_SITE") or "bench"
local thread_key = os.getenv("BENCH_THREAD") or "http://127.0.0.1/articles/benchmark-writes"
local nonce = os.getenv("BENCH_NONCE") or tostring(os.time())
local path = os.getenv("BENCH_PATH")

local prose = "I read the whole article twice and I still think the council is underestimating the cost of " ..
  "maintenance over twenty years. The bus routes mentioned in paragraph four were cut in the spring, which " ..
  "changes the picture for the *northern* estates. Still, a careful piece; thanks for covering local politics."

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

counter = 0
accepted = 0
rejected = 0
statuses = {}
sample_reject = nil

local headers = { ["Content-Type"] = "application/json" }
local origin = os.getenv("BENCH_ORIGIN")
if origin ~= nil and origin ~= "" then
  headers["Origin"] = origin
end

function request()
  counter = counter + 1
  local tag = string.format("%s-%d-%d", nonce, tid or 0, counter)
  local body
  if target == "waline" then
    body = string.format(
      '{"comment":"Write %s: %s","nick":"Writer %d","mail":"writer%d@example.com","link":"","url":"%s","ua":"Mozilla/5.0 (X11; Linux x86_64) bench"}',
      tag, prose, counter, counter % 1000, thread_key)
  else
    body = string.format(
      '{"site":"%s","url":"%s","body":"Write %s: %s","author":{"name":"Writer %d","email":"writer%d@example.com"}}',
      site, thread_key, tag, prose, counter, counter % 1000)
  end
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  local ok
  if target == "waline" then
    ok = status == 200 and body ~= nil and string.find(body, '"errno":0', 1, true) ~= nil
  else
    ok = status == 201
  end
  if ok then
    accepted = accepted + 1
  else
    rejected = rejected + 1
    local k = tostring(status)
    statuses[k] = (statuses[k] or 0) + 1
    if sample_reject == nil then
      sample_reject = k .. " " .. string.sub(body or "", 1, 300)
    end
  end
end

function done(summary, latency, requests)
  local acc, rej = 0, 0
  local codes = {}
  local sample = ""
  for _, t in ipairs(threads) do
    acc = acc + (t:get("accepted") or 0)
    rej = rej + (t:get("rejected") or 0)
    local r = t:get("sample_reject")
    if r ~= nil and sample == "" then sample = r end
    local s = t:get("statuses")
    if s ~= nil then
      for k, v in pairs(s) do codes[k] = (codes[k] or 0) + v end
    end
  end
  local parts = {}
  for k, v in pairs(codes) do table.insert(parts, string.format('"%s":%d', k, v)) end
  -- JSON string escaping for the sample body
  sample = string.gsub(sample, '[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"accepted":%d,"rejected":%d,"rejected_by_status":{%s},"sample_reject":"%s",' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"min":%d,"mean":%.1f,"stdev":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d,"p999":%d}}\n',
    summary.requests, summary.duration, summary.bytes, acc, rej, table.concat(parts, ","), sample,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.min, latency.mean, latency.stdev, latency.max,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9)))
end
