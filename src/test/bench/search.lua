-- Sends the searches of SearchBenchmark (written by it with -Dbench.dump=FOLDER) through wrk, a load
-- generator in C that costs the shared cores a fraction of what a JVM client does. See docs/benchmarks.md.
--
--   wrk -t2 -c8 -d45s --timeout 10s -s src/test/bench/search.lua http://127.0.0.1:18080 -- FOLDER/name-paths.txt FOLDER/admin-token.txt
--
-- Each thread walks the list of paths from its own offset, one path a request, around and around.

local threads = {}
local count = 0

function setup(thread)
   count = count + 1
   thread:set("id", count)
   table.insert(threads, thread)
end

function init(args)
   paths = {}
   for line in io.lines(args[1]) do
      paths[#paths + 1] = line
   end
   local f = assert(io.open(args[2]))
   token = f:read("*l")
   f:close()
   next_path = ((id - 1) * math.floor(#paths / 4)) % #paths
   headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
end

function request()
   next_path = next_path % #paths + 1
   return wrk.format("GET", paths[next_path], headers)
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "requests %d in %.1f s: %.1f a second; p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, mean %.2f ms, max %.2f ms; errors: connect %d, read %d, write %d, status %d, timeout %d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      latency.mean / 1000, latency.max / 1000, e.connect, e.read, e.write, e.status, e.timeout))
end
