-- wrk script: POST /api/evaluate with the realistic answer set (bench/answers.json).
-- Used by bench/run load as a cross-check of the Java driver: wrk -t2 -c32 -d30s -s bench/wrk-evaluate.lua URL/api/evaluate
local file = assert(io.open("bench/answers.json", "r"))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = file:read("*a")
file:close()
