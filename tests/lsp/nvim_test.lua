-- Neovim's built-in LSP client against `claimlint lsp`, headless:
--   nvim --headless -u NONE -c 'luafile tests/lsp/nvim_test.lua'
-- with CLAIMLINT_BIN (the binary) and LSP_TEST_DIR (a workspace holding
-- article.md and .claimlint.yml) in the environment; run_editor_test.py
-- sets them. Opens the article, waits for diagnostics, checks their ranges
-- on lines with accents, emoji and CJK, asks for a hover and for code
-- actions, applies the disable comment and the replacement, and sees each
-- diagnostic go. Works with Neovim 0.7 (vim.lsp.start_client) and later
-- (vim.lsp.start).

local bin = os.getenv('CLAIMLINT_BIN')
local dir = os.getenv('LSP_TEST_DIR')
local RULE = 'claim.non-invasive-needling'
local TIMEOUT = 30000

local passed, failures = 0, {}
local function out(s)
  io.stdout:write(s .. '\n')
end
local function check(cond, what, detail)
  if cond then
    passed = passed + 1
  else
    table.insert(failures, what .. (detail and ('\n    ' .. vim.inspect(detail)) or ''))
  end
  return cond
end
local function finish()
  for _, f in ipairs(failures) do
    out('FAIL: ' .. f)
  end
  out(string.format('nvim %s: %d passed, %d failed', tostring(vim.version and
    vim.version().minor and ('0.' .. vim.version().minor) or '?'), passed, #failures))
  io.stdout:flush()
  if #failures > 0 then
    vim.cmd('cquit 1')
  else
    vim.cmd('qall!')
  end
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/article.md'))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'markdown'

  local config = {
    name = 'claimlint',
    cmd = { bin, 'lsp', '--stdio' },
    root_dir = dir,
    init_options = { debounceMs = 50 },
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(buf, client_id)
  end
  check(client_id ~= nil, 'the client starts')
  local client
  vim.wait(TIMEOUT, function()
    client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized
  end, 20)
  check(client and client.initialized, 'the client is initialized')
  local encoding = client.offset_encoding or 'utf-16'
  out('position encoding: ' .. encoding)

  local function code_of(d)
    return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  end
  local function needling()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if code_of(d) == RULE then
        table.insert(list, d)
      end
    end
    table.sort(list, function(a, b)
      return a.lnum < b.lnum
    end)
    return list
  end
  local function wait_count(n)
    return vim.wait(TIMEOUT, function()
      return #needling() == n
    end, 20)
  end

  check(wait_count(2), 'two needling diagnostics arrive', #needling())
  local diags = needling()
  local function text_of(d)
    local lines = vim.api.nvim_buf_get_text(buf, d.lnum, d.col, d.end_lnum, d.end_col, {})
    return table.concat(lines, '\n')
  end
  check(text_of(diags[1]) == 'Acupuncture is a safe and non-invasive',
    'range 1 covers the claim (after é and an emoji)', text_of(diags[1]))
  check(text_of(diags[2]) == 'Dry needling is a non-invasive',
    'range 2 covers the claim (after CJK)', text_of(diags[2]))
  local line9 = vim.api.nvim_buf_get_lines(buf, 8, 9, false)[1]
  check(diags[1].lnum == 8 and diags[1].col == (line9:find('Acupuncture', 1, true) - 1),
    'diagnostic 1 starts at the right byte column', diags[1])
  check(diags[1].source == 'claimlint', 'source is claimlint', diags[1].source)
  check(diags[1].severity == vim.diagnostic.severity.ERROR, 'an error rule is an error')

  -- Hover on the first claim.
  vim.api.nvim_win_set_cursor(0, { diags[1].lnum + 1, diags[1].col + 2 })
  local params = vim.lsp.util.make_position_params(0, encoding)
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, TIMEOUT) or {}
  local hover = res[client_id] and res[client_id].result
  local value = hover and hover.contents and hover.contents.value or ''
  check(value:find(RULE, 1, true) ~= nil, 'hover names the rule', value)
  check(value:find('claimlint-disable-next-line', 1, true) ~= nil,
    'hover shows the suppression syntax', value)

  local function actions_at(d)
    vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
    local p = vim.lsp.util.make_position_params(0, encoding)
    p.range = { start = p.position, ['end'] = p.position }
    p.position = nil
    p.context = { diagnostics = {} }
    local r = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', p, TIMEOUT) or {}
    return r[client_id] and r[client_id].result or {}
  end
  local function find(actions, pattern)
    for _, a in ipairs(actions) do
      if a.title:find(pattern) then
        return a
      end
    end
  end

  -- The disable comment, above the second claim's line.
  local actions = actions_at(diags[2])
  local titles = {}
  for _, a in ipairs(actions) do
    table.insert(titles, a.title)
  end
  out('code actions: ' .. table.concat(titles, ' | '))
  local disable = find(actions, 'for this line')
  local config = find(actions, '^Turn ' .. RULE:gsub('%-', '%%-') .. ' off in')
  check(disable ~= nil, 'a disable-comment action', titles)
  check(config ~= nil, 'a turn-off-in-config action', titles)
  check(find(actions_at(diags[1]), '^Replace') ~= nil, 'a replace action on the first claim')
  if disable then
    vim.lsp.util.apply_workspace_edit(disable.edit, encoding)
    local inserted = vim.api.nvim_buf_get_lines(buf, 10, 11, false)[1]
    check(inserted == '<!-- claimlint-disable-next-line ' .. RULE .. ' -- reason -->',
      'the comment is inserted above the line', inserted)
    check(wait_count(1), 'after the comment, one needling diagnostic is left', #needling())
  end

  -- The replacement on the first claim.
  local replace = find(actions_at(needling()[1]), '^Replace')
  if check(replace ~= nil, 'the replace action is still offered') then
    vim.lsp.util.apply_workspace_edit(replace.edit, encoding)
    local line = vim.api.nvim_buf_get_lines(buf, 8, 9, false)[1]
    check(line:find('a safe and minimally invasive way', 1, true) ~= nil,
      'the replacement is applied', line)
    check(wait_count(0), 'after the replacement, no needling diagnostic is left', #needling())
  end

  -- The config action edits the existing .claimlint.yml (applied to its
  -- buffer here, not saved).
  if config then
    vim.lsp.util.apply_workspace_edit(config.edit, encoding)
    local cfg = vim.fn.bufnr(dir .. '/.claimlint.yml')
    local lines = vim.api.nvim_buf_get_lines(cfg, 0, -1, false)
    check(vim.deep_equal(lines, { '# house settings', 'rules:', '  ' .. RULE .. ': off' }),
      'the config edit adds the rule under rules:', lines)
  end

  client.stop()
  check(vim.wait(TIMEOUT, function()
    return client.is_stopped()
  end, 20), 'the server shuts down')
end)
if not ok then
  check(false, 'the script ran to the end', err)
end
finish()
