/**
 * A sliding-window log over several buckets in one atomic step: either every bucket has room and all
 * are charged, or none is. Each bucket is a sorted set of "<requestId>:<cost>" scored by time, plus a
 * running total, so a check costs O(expired entries) rather than O(entries in the window).
 * Redis's own clock (TIME) keeps every gateway node on one time line.
 *
 * KEYS: per bucket, its log then its total.  ARGV: requestId, then per bucket limit, windowMs, cost.
 * Returns: allowed (1/0), then per bucket remaining, resetMs, retryAfterMs (-1 when it had room).
 */
export const slidingWindowScript = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local function costOf(member) return tonumber(string.match(member, ':(%d+)$')) end
local buckets = #KEYS / 2
local used, reply, allowed = {}, {}, 1
for i = 1, buckets do
  local log, totalKey = KEYS[2 * i - 1], KEYS[2 * i]
  local limit, window, cost = tonumber(ARGV[3 * i - 1]), tonumber(ARGV[3 * i]), tonumber(ARGV[3 * i + 1])
  local total = tonumber(redis.call('GET', totalKey))
  if total == nil then
    total = 0
    for _, member in ipairs(redis.call('ZRANGE', log, 0, -1)) do total = total + costOf(member) end
  end
  local expired = redis.call('ZRANGEBYSCORE', log, '-inf', now - window)
  if #expired > 0 then
    for _, member in ipairs(expired) do total = total - costOf(member) end
    redis.call('ZREMRANGEBYSCORE', log, '-inf', now - window)
  end
  used[i] = total
  local oldest = redis.call('ZRANGE', log, 0, 0, 'WITHSCORES')
  local reset = window
  if #oldest > 0 then reset = tonumber(oldest[2]) + window - now end
  local retry = -1
  if total + cost > limit then
    allowed = 0
    retry = window
    if cost <= limit then
      local freed = 0
      local entries = redis.call('ZRANGE', log, 0, -1, 'WITHSCORES')
      for j = 1, #entries, 2 do
        freed = freed + costOf(entries[j])
        if total - freed + cost <= limit then
          retry = tonumber(entries[j + 1]) + window - now
          break
        end
      end
    end
  end
  reply[3 * i - 1], reply[3 * i], reply[3 * i + 1] = math.max(0, limit - total), reset, retry
end
if allowed == 1 then
  for i = 1, buckets do
    local log, totalKey = KEYS[2 * i - 1], KEYS[2 * i]
    local window, cost = tonumber(ARGV[3 * i]), tonumber(ARGV[3 * i + 1])
    redis.call('ZADD', log, now, ARGV[1] .. ':' .. cost)
    redis.call('SET', totalKey, used[i] + cost, 'PX', window)
    redis.call('PEXPIRE', log, window)
    reply[3 * i - 1] = math.max(0, reply[3 * i - 1] - cost)
  end
end
reply[1] = allowed
return reply
`;
