-- Argo CD health check for eltm.io/EltmInstallation (docs/gitops.md).
-- Install: the argocd-cm key resource.customizations.health.eltm.io_EltmInstallation.
-- Needs no Lua library beyond what Argo CD loads without useOpenLibs (base, table): no string.*.
-- Reads only metadata.generation, metadata.deletionTimestamp, spec.version, spec.policy.paused and
-- what the operator writes in status: observedGeneration, version and the conditions Ready,
-- Progressing, Degraded and HostConnected (their reasons: docs/troubleshooting.md).
local hs = {}

local function condition(status, type)
  if status.conditions == nil then
    return nil
  end
  for _, c in ipairs(status.conditions) do
    if c.type == type then
      return c
    end
  end
  return nil
end

local function messageOf(c, fallback)
  if c ~= nil and c.message ~= nil and c.message ~= "" then
    return c.message
  end
  return fallback
end

-- Versions compare as in contract §4 for the spellings that differ only by trailing zeros
-- ("8.4" is "8.4.0"); string.* is unavailable, so other spellings count as different.
local function sameVersion(a, b)
  if a == nil or b == nil then
    return false
  end
  local paddedA, paddedB = a, b
  for _ = 0, 3 do
    if paddedA == b or paddedB == a then
      return true
    end
    paddedA = paddedA .. ".0"
    paddedB = paddedB .. ".0"
  end
  return false
end

local name = obj.metadata.name
local spec = obj.spec or {}
local status = obj.status

if obj.metadata.deletionTimestamp ~= nil then
  -- Argo CD itself says this for any object being deleted, before it runs this script.
  hs.status = "Progressing"
  hs.message = "Pending deletion"
  return hs
end

if status == nil or status.observedGeneration == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the eltm operator to observe EltmInstallation " .. name
  return hs
end

if status.observedGeneration ~= obj.metadata.generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the eltm operator to observe generation " .. tostring(obj.metadata.generation)
      .. " of EltmInstallation " .. name .. " (status describes generation "
      .. tostring(status.observedGeneration) .. ")"
  return hs
end

-- Conditions that decide on their own, first match wins; the health carries the condition's message.
local decisive = {
  -- set by the operator only once the agent's Lease has expired (its grace period) or never existed
  { type = "HostConnected", status = "False", health = "Degraded", fallback = " has lost its host" },
  { type = "Degraded", status = "True", health = "Degraded", fallback = " is degraded" },
  { type = "Progressing", status = "True", health = "Progressing", fallback = " is upgrading" },
}
for _, rule in ipairs(decisive) do
  local c = condition(status, rule.type)
  if c ~= nil and c.status == rule.status then
    hs.status = rule.health
    hs.message = messageOf(c, "EltmInstallation " .. name .. rule.fallback)
    return hs
  end
end

local ready = condition(status, "Ready")
if spec.policy ~= nil and spec.policy.paused == true then
  hs.status = "Suspended"
  hs.message = "EltmInstallation " .. name .. " is paused (spec.policy.paused): no upgrade is started"
  return hs
end

if ready ~= nil and ready.status == "True" then
  if sameVersion(status.version, spec.version) then
    hs.status = "Healthy"
    hs.message = messageOf(ready, "")
    return hs
  end
  hs.status = "Progressing"
  hs.message = "EltmInstallation " .. name .. " runs " .. tostring(status.version) .. ", spec.version asks for "
      .. tostring(spec.version)
  return hs
end

hs.status = "Progressing"
hs.message = messageOf(ready, "Waiting for EltmInstallation " .. name .. " to become Ready")
return hs
