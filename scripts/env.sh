# To be sourced (". scripts/env.sh"): where this machine's Node is older than 22, puts the
# project's Node 24 (scripts/node24.sh fetches it once from the npm registry into .tools/node)
# first on PATH for this shell; elsewhere it changes nothing.
htb_node_bin=$(bash scripts/node24.sh) || return 1 2>/dev/null || exit 1
if [ -n "$htb_node_bin" ]; then PATH="$htb_node_bin:$PATH"; export PATH; fi
unset htb_node_bin
