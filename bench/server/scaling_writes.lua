-- wrk script for bench/server/scaling: POST /v1/holds with a new Idempotency-Key per request
-- (PREFIX, the thread's number and a counter), as a client writing through nginx would.
local token = os.getenv("TOKEN")
local prefix = os.getenv("PREFIX") or "scaling-"
local counter = 0
local thread_number = 0
local threads_made = 0

function setup(thread)
  threads_made = threads_made + 1
  thread:set("thread_number", threads_made)
end

function request()
  counter = counter + 1
  local key = prefix .. thread_number .. "-" .. counter
  local body = '{"issuer":"Juzgado Sintético 9","reference":"' .. key ..
      '","from":"2026-01-01","until":"2099-12-31","rule":{"category":"deportee"}}'
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = key,
  }, body)
end
