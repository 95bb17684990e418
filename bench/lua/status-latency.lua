-- wrk script: GET one path, closed loop, and the latency of each answer by what it was: refused
-- (429 or 503), admitted (2xx) or other. wrk's own histogram mixes refusals with the slow admitted
-- answers behind them; the issue's goal is about the refusals.
-- Environment: BENCH_PATH (path and query), AUTH_HEADER and AUTH_VALUE (one header, optional).
-- Each request carries an X-Request-Id of its own, which the gateway sends back, so every answer is
-- matched with the moment its request was written (CLOCK_MONOTONIC, through LuaJIT's ffi).
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local clock = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, clock)
  return tonumber(clock.tv_sec) * 1e6 + tonumber(clock.tv_nsec) / 1e3
end

local threads = {}
function setup(thread)
  thread:set("tag", "b" .. (#threads + 1) .. "-" .. math.random(1, 1e9))
  table.insert(threads, thread)
end

local path, auth_header, auth_value
local counter = 0
local sent = {}
-- per class: a histogram of 0.1 ms buckets (bucket -> count), a count and the exact maximum (µs);
-- flat globals, as wrk copies only flat tables between threads (a nested one crashed it)
local classes = { "refused", "admitted", "other" }
hist_refused, hist_admitted, hist_other = {}, {}, {}
count_refused, count_admitted, count_other, count_unmatched = 0, 0, 0, 0
max_refused, max_admitted, max_other = 0, 0, 0
statuses = {}

function init(args)
  path = os.getenv("BENCH_PATH") or "/"
  auth_header = os.getenv("AUTH_HEADER")
  auth_value = os.getenv("AUTH_VALUE")
end

function request()
  counter = counter + 1
  local id = tag .. "-" .. counter
  local headers = { ["X-Request-Id"] = id }
  if auth_header then headers[auth_header] = auth_value end
  sent[id] = now_us()
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  local now = now_us()
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
  local id = headers["X-Request-Id"] or headers["x-request-id"]
  local start = id and sent[id]
  if not start then
    count_unmatched = count_unmatched + 1
    return
  end
  sent[id] = nil
  local class = "other"
  if status == 429 or status == 503 then
    class = "refused"
  elseif status >= 200 and status < 300 then
    class = "admitted"
  end
  local us = now - start
  local bucket = math.floor(us / 100)
  local hist = _G["hist_" .. class]
  hist[bucket] = (hist[bucket] or 0) + 1
  _G["count_" .. class] = _G["count_" .. class] + 1
  if us > _G["max_" .. class] then _G["max_" .. class] = us end
end

-- The upper edge (ms) of the 0.1 ms bucket holding the p-th percentile, NaN without answers.
local function percentile(buckets, total, p)
  if total == 0 then return 0 / 0 end
  local keys = {}
  for b in pairs(buckets) do keys[#keys + 1] = b end
  table.sort(keys)
  local rank, seen = math.ceil(total * p / 100), 0
  for _, b in ipairs(keys) do
    seen = seen + buckets[b]
    if seen >= rank then return (b + 1) / 10 end
  end
  return (keys[#keys] + 1) / 10
end

function done(summary, latency, requests)
  local merged, total, most = {}, { unmatched = 0 }, {}
  for _, class in ipairs(classes) do merged[class], total[class], most[class] = {}, 0, 0 end
  local by_status = {}
  for _, thread in ipairs(threads) do
    for _, class in ipairs(classes) do
      for b, n in pairs(thread:get("hist_" .. class)) do merged[class][b] = (merged[class][b] or 0) + n end
      total[class] = total[class] + thread:get("count_" .. class)
      local us = thread:get("max_" .. class)
      if us > most[class] then most[class] = us end
    end
    total.unmatched = total.unmatched + thread:get("count_unmatched")
    for status, n in pairs(thread:get("statuses")) do by_status[status] = (by_status[status] or 0) + n end
  end
  local seconds = summary.duration / 1e6
  local line = string.format("RESULT requests=%d rps=%.1f", summary.requests, summary.requests / seconds)
  for _, class in ipairs({ "refused", "admitted" }) do
    line = line .. string.format(" %s=%d %s_p50_ms=%.1f %s_p99_ms=%.1f %s_max_ms=%.1f",
      class, total[class], class, percentile(merged[class], total[class], 50),
      class, percentile(merged[class], total[class], 99), class, most[class] / 1000)
  end
  local statuses_text = {}
  for status, n in pairs(by_status) do statuses_text[#statuses_text + 1] = status .. ":" .. n end
  table.sort(statuses_text)
  line = line .. string.format(" other=%d unmatched=%d socket_errors=%d statuses=%s\n", total.other,
    total.unmatched, summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.timeout, table.concat(statuses_text, ","))
  io.write(line)
end
