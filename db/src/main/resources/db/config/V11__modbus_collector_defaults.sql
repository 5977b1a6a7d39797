-- Issue 18: until now the admin-api wrote its own defaults into every MODBUS_TCP channel it saved (timeoutMs 3000,
-- maxGap 10, maxRegistersPerRequest 125), so the collector's parx.collector.modbus.timeout and max-gap never applied
-- to such a channel. The admin-api now writes only what the user set; this removes the stored values equal to those
-- old defaults, so the collector's settings apply to them too. A user who typed exactly these values loses them
-- (they cannot be told apart); the effect is the collector's setting, 1 s and 10 by default.
-- maxRegistersPerRequest 125 is removed for register tables only, where it is the protocol's limit anyway; on coils
-- and discrete inputs (limit 2000 bits) it stays, so those reads do not grow.
update channel
set settings = settings
  - (case when settings->'timeoutMs' = '3000'::jsonb then 'timeoutMs' else '' end)
  - (case when settings->'maxGap' = '10'::jsonb then 'maxGap' else '' end)
  - (case when settings->'maxRegistersPerRequest' = '125'::jsonb
            and settings->>'registerType' in ('HOLDING_REGISTER', 'INPUT_REGISTER')
          then 'maxRegistersPerRequest' else '' end),
    version = version + 1,
    updated_at = now()
where protocol = 'MODBUS_TCP'
  and (settings->'timeoutMs' = '3000'::jsonb
    or settings->'maxGap' = '10'::jsonb
    or (settings->'maxRegistersPerRequest' = '125'::jsonb
        and settings->>'registerType' in ('HOLDING_REGISTER', 'INPUT_REGISTER')));
