#!/usr/bin/env bash
# npm run test:windows — a smoke test of the Windows package under Wine (not part of npm test:
# run it before each release). Needs root on Debian/Ubuntu (debootstrap, chroot, mount) and
# the Debian archive (deb.debian.org) or a mirror in HTB_DEBIAN_MIRROR.
#
# Debian 12's Wine 8 cannot start Node 24; Wine 10 from Debian 13 (trixie) can. It is set up once
# in a debootstrap chroot ($HTB_WINE_CHROOT, default ~/.cache/hoc-theo-bac/wine-trixie, ~1 GB,
# a few minutes), then reused. Wine fails on pipes, so every run's output goes to files.
#
# Checked: --version, --help, demo, cell init with Vietnamese arguments (UTF-8 kept), member add
# and list, report stats (the .xlsx written), a Word report (report document results), backup,
# restore, doctor, the exit codes 0/1/2, the data in %APPDATA%\hoc-theo-bac, BAT-DAU.cmd
# (run by cmd with no input: it shows the version and the help, then its console ends), and
# that the npm command on Linux reads the cell file the Windows executable wrote.
#
#   npm run test:windows                      (builds the win-x64 package first)
#   bash scripts/test-windows.sh [ZIP]        (tests a package already made)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
version=$(node -p 'require("./package.json").version')
zip=${1:-$ROOT/dist-packages/hoc-theo-bac-$version-win-x64.zip}
chroot_dir=${HTB_WINE_CHROOT:-$HOME/.cache/hoc-theo-bac/wine-trixie}
mirror=${HTB_DEBIAN_MIRROR:-http://deb.debian.org/debian}

[ -f "$zip" ] || { echo "$zip is missing: run npm run package (or npm run test:windows)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "test:windows needs root (debootstrap, chroot, mount)" >&2; exit 1; }

if [ ! -e "$chroot_dir/usr/bin/wine-stable" ]; then
  [ ! -e "$chroot_dir" ] || { echo "$chroot_dir exists but has no Wine: remove it (after umount of its proc and dev, if any) and run again" >&2; exit 1; }
  command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
  echo "Setting up Wine 10 (Debian trixie) in $chroot_dir — once, a few minutes"
  mkdir -p "$(dirname "$chroot_dir")"
  debootstrap --variant=minbase --include=wine,wine64,unzip trixie "$chroot_dir" "$mirror" >"$chroot_dir.log" 2>&1 ||
    { echo "debootstrap failed, see $chroot_dir.log" >&2; exit 1; }
fi
if [ ! -e "$chroot_dir/usr/bin/unzip" ]; then
  chroot "$chroot_dir" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip >/dev/null'
fi

mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[$i]}" 2>/dev/null || true; done
  rm -rf "$chroot_dir/opt/htb" 2>/dev/null || { sleep 2; rm -rf "$chroot_dir/opt/htb"; }
}
trap cleanup EXIT
for m in proc dev; do
  if ! mountpoint -q "$chroot_dir/$m"; then mount --bind "/$m" "$chroot_dir/$m"; mounted+=("$chroot_dir/$m"); fi
done

rm -rf "$chroot_dir/opt/htb" && mkdir -p "$chroot_dir/opt/htb"
cp "$zip" "$chroot_dir/opt/htb/package.zip"
cat >"$chroot_dir/opt/htb/run.sh" <<'EOF'
#!/bin/bash
# Runs inside the chroot: every case writes out/<n>.out, out/<n>.err and out/<n>.code.
set -u
export WINEDEBUG=-all WINEPREFIX=/opt/htb/prefix HOC_THEO_BAC_TODAY=2026-03-15 NO_COLOR=1
cd /opt/htb && unzip -q package.zip && cd hoc-theo-bac-*-win-x64 || exit 1
mkdir -p /opt/htb/out
wineboot -i >/opt/htb/out/wineboot.log 2>&1
n=0
w() {
  n=$((n + 1))
  timeout 300 wine hoc-theo-bac.exe "$@" >"/opt/htb/out/$n.out" 2>"/opt/htb/out/$n.err"
  echo $? >"/opt/htb/out/$n.code"
  printf '%s\n' "$*" >"/opt/htb/out/$n.args"
}
w --version
w --help
w demo
w cell init --name "Chi bộ Văn phòng" --committee "Đảng bộ xã Tân Lập" --place "Tân Lập" --secretary "Nguyễn Văn An"
w member add --name "Trần Thị Bình" --born 1980 --joined 03/02/2010
w member list
w --force report stats --year 2026 --out 'C:\bieu-thong-ke.xlsx'   # a cell with no records yet: --force writes its (empty) statistics
w backup --out 'C:\sao-luu.sqlite'
w --yes restore 'C:\sao-luu.sqlite'
w doctor
w member add --name "Lê Văn Dũng" --born 31/02/1980
w memebr list
w --db 'C:\users\root\AppData\Local\Temp\hoc-theo-bac-demo\chi-bo-mau.sqlite' report document results --year 2026 --out 'C:\tong-ket.docx'
timeout 120 wine cmd /c BAT-DAU.cmd </dev/null >/opt/htb/out/launcher.out 2>/opt/htb/out/launcher.err
echo $? >/opt/htb/out/launcher.code
wineserver -k 2>/dev/null
wineserver -w 2>/dev/null
EOF
chmod +x "$chroot_dir/opt/htb/run.sh"
echo "Running the Windows executable under $(chroot "$chroot_dir" wine --version 2>/dev/null)"
chroot "$chroot_dir" /opt/htb/run.sh

out=$chroot_dir/opt/htb/out
appdata=$chroot_dir/opt/htb/prefix/drive_c/users/root/AppData/Roaming/hoc-theo-bac
failed=0
check() { # n, expected exit code, text expected in stdout (or stderr for non-zero codes)
  local n=$1 code=$2 text=$3 got stream
  got=$(cat "$out/$n.code")
  stream=$out/$n.out
  [ "$code" = 0 ] || stream=$out/$n.err
  if [ "$got" = "$code" ] && grep -qF -- "$text" "$stream"; then
    echo "ok   $(cat "$out/$n.args") → $got"
  else
    failed=1
    echo "FAIL $(cat "$out/$n.args") → $got (expected $code and \"$text\")"
    sed 's/^/     /' "$out/$n.out" "$out/$n.err" | grep -v 'wine32\|multiarch\|i386' | head -20
  fi
}
check 1 0 "$version"
check 2 0 "Cách dùng: hoc-theo-bac"
check 3 0 "9 đảng viên"
check 4 0 "Đã tạo Chi bộ Văn phòng (mã: chi-bo-van-phong)"
check 5 0 "Đã thêm đảng viên Trần Thị Bình"
check 6 0 "Trần Thị Bình"
check 7 0 "BIỂU THỐNG KÊ"
check 8 0 "sao-luu.sqlite"
check 9 0 "sao-luu.sqlite"
check 10 0 "tốt"
check 11 1 "không có trên lịch"
check 12 2 "memebr"
check 13 0 "tong-ket.docx"
for f in "$appdata/cells/chi-bo-van-phong.sqlite" "$chroot_dir/opt/htb/prefix/drive_c/bieu-thong-ke.xlsx" "$chroot_dir/opt/htb/prefix/drive_c/tong-ket.docx"; do
  if [ -s "$f" ]; then echo "ok   ${f#"$chroot_dir"}"; else failed=1; echo "FAIL missing ${f#"$chroot_dir"}"; fi
done
if [ "$(cat "$out/launcher.code")" = 0 ] && grep -qF "$version" "$out/launcher.out" && grep -qF "Cách dùng: hoc-theo-bac" "$out/launcher.out"; then
  echo "ok   BAT-DAU.cmd (version and help in UTF-8, console open until its input ends)"
else
  failed=1; echo "FAIL BAT-DAU.cmd → $(cat "$out/launcher.code")"; head -c 1500 "$out/launcher.out" "$out/launcher.err"
fi
# The same file, read by the npm command on Linux.
if [ -s "$appdata/cells/chi-bo-van-phong.sqlite" ]; then
  copy=$(mktemp -d)
  cp "$appdata/cells/chi-bo-van-phong.sqlite" "$copy/"
  if HOC_THEO_BAC_HOME=$copy node bin/hoc-theo-bac.js --db "$copy/chi-bo-van-phong.sqlite" member list | grep -qF 'Trần Thị Bình'; then
    echo "ok   the npm command reads the cell the Windows executable wrote"
  else
    failed=1; echo "FAIL the npm command could not read the cell the Windows executable wrote"
  fi
  rm -rf "$copy"
fi
[ $failed = 0 ] && echo "test:windows: all passed" || { echo "test:windows: FAILED"; exit 1; }
