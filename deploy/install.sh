#!/usr/bin/env bash
# Installs Coopnet from this checkout, or upgrades an install: the service
# install and the container image (Dockerfile) both run this script. Run it
# again to upgrade; it keeps the data, the settings and the secrets.
#
#   deploy/install.sh [options]
#
# 1. Builds the program in APP_DIR.new: a copy of this checkout (without
#    node_modules, data or builds), `npm ci`, `npm run build` (the web app),
#    `npm prune --omit=dev`, and checks that the server loads. Then it puts
#    APP_DIR.new in the place of APP_DIR; a failed build leaves APP_DIR as it was.
# 2. As root: makes the service's user (a system user without login) when
#    missing. The data folder (DATA_DIR) and the backups folder are made, the
#    user's only (0700); the settings folder too.
# 3. Makes CONFIG_DIR/coopnet.env from deploy/coopnet.env.example (mode 0640,
#    group of the service's user), with a new SESSION_SECRET; an existing file
#    is kept (only a missing SESSION_SECRET is filled in).
# 4. Installs the systemd unit when systemd runs (or --unit-dir is given), with
#    the paths and the user above and the node that built the program.
#
# Options (default in brackets):
#   --prefix DIR       put every folder below under DIR, e.g. for a test [none]
#   --app-dir DIR      the program [/srv/coopnet]
#   --config-dir DIR   settings and secrets, coopnet.env [/etc/coopnet]
#   --data-dir DIR     the data folder, DATA_DIR [/var/lib/coopnet]
#   --backup-dir DIR   the backups folder [/var/backups/coopnet]
#   --unit-dir DIR     where the systemd unit goes [/etc/systemd/system when systemd runs]
#   --user NAME        the service's user [coopnet]
#   --local-postgresql also install the drop-in that starts a PostgreSQL of this machine first
#   --no-config        make no coopnet.env (the container gets its settings from its environment)
#   --no-unit          install no systemd unit
#   --keep-dev         keep the development dependencies
#   -h, --help         show this
set -euo pipefail
umask 022

here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(dirname "$here")

prefix=''
app_dir=/srv/coopnet
config_dir=/etc/coopnet
data_dir=/var/lib/coopnet
backup_dir=/var/backups/coopnet
unit_dir=''
user=coopnet
local_postgresql=false
config=true
unit=true
prune=true

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
fail() {
  echo "install.sh: $*" >&2
  exit 1
}

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix | --app-dir | --config-dir | --data-dir | --backup-dir | --unit-dir | --user)
      [ $# -ge 2 ] && [ -n "$2" ] || fail "$1 needs a value"
      case "$1" in
        --prefix) prefix=$2 ;;
        --app-dir) app_dir=$2 ;;
        --config-dir) config_dir=$2 ;;
        --data-dir) data_dir=$2 ;;
        --backup-dir) backup_dir=$2 ;;
        --unit-dir) unit_dir=$2 ;;
        --user) user=$2 ;;
      esac
      shift 2
      ;;
    --local-postgresql) local_postgresql=true && shift ;;
    --no-config) config=false && shift ;;
    --no-unit) unit=false && shift ;;
    --keep-dev) prune=false && shift ;;
    -h | --help) usage && exit 0 ;;
    *) fail "unknown option $1 (see --help)" ;;
  esac
done

for dir in "$prefix" "$app_dir" "$config_dir" "$data_dir" "$backup_dir" "$unit_dir"; do
  case "$dir" in '' | /*) ;; *) fail "folders must be absolute paths: $dir" ;; esac
done
if [ -n "$prefix" ]; then
  prefix=${prefix%/}
  app_dir=$prefix$app_dir config_dir=$prefix$config_dir data_dir=$prefix$data_dir backup_dir=$prefix$backup_dir
  [ -n "$unit_dir" ] || unit_dir=$prefix/etc/systemd/system
fi
if [ -z "$unit_dir" ] && [ -d /run/systemd/system ]; then unit_dir=/etc/systemd/system; fi
node=$(command -v node) || fail 'node is not on the PATH (Node.js 20.19 or newer is needed)'
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' ||
  fail "Node.js 20.19 or newer is needed; $node is $(node --version)"

root=false
[ "$(id -u)" = 0 ] && root=true
if $root; then
  if ! id -u "$user" >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$data_dir" --no-create-home --shell /usr/sbin/nologin "$user"
    echo "Made the system user $user."
  fi
  group=$(id -gn "$user")
  owner=(-o "$user" -g "$group")
  owner_root=(-o root -g "$group")
else
  group=$(id -gn "$user" 2>/dev/null || echo "$user")
  owner=()
  owner_root=()
  echo "Not root: the folders stay $(id -un)'s, no user is made."
fi

# 1. The program, built beside the one in place.
step() { echo "== $*"; }
new=$app_dir.new
rm -rf "$new"
mkdir -p "$new"
step "copying $source_dir to $new"
tar -C "$source_dir" -c --exclude=./.git --exclude=node_modules --exclude=./data --exclude=./web/dist \
  --exclude=./test-results --exclude=./playwright-report --exclude=./e2e/test-results --exclude=./bench/results \
  --exclude=./.env --exclude='*.tsbuildinfo' . | tar -C "$new" -x --no-same-owner
cd "$new"
step 'npm ci'
npm ci --prefer-offline --no-audit --no-fund
step 'npm run build'
npm run build
if $prune; then
  step 'npm prune --omit=dev'
  npm prune --omit=dev --prefer-offline --no-audit --no-fund
fi
step 'checking that the server loads'
node server/bin/coopnet.js help >/dev/null
cd /
if [ -e "$app_dir" ]; then
  rm -rf "$app_dir.old"
  mv "$app_dir" "$app_dir.old"
fi
mv "$new" "$app_dir"
rm -rf "$app_dir.old"
echo "Installed Coopnet in $app_dir."

# 2. Folders.
install -d -m 0700 "${owner[@]}" "$data_dir"
install -d -m 0700 "${owner[@]}" "$backup_dir"

# 3. Settings and secrets.
if $config; then
  install -d -m 0750 "${owner_root[@]}" "$config_dir"
  env_file=$config_dir/coopnet.env
  if [ ! -e "$env_file" ]; then
    install -m 0600 "$app_dir/deploy/coopnet.env.example" "$env_file"
    echo "Made $env_file from deploy/coopnet.env.example: set PUBLIC_URL and the rest there."
  fi
  if ! grep -q '^SESSION_SECRET=..*' "$env_file"; then
    secret=$(node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64url"))')
    if grep -q '^#\{0,1\}SESSION_SECRET=$' "$env_file"; then
      sed -i "s/^#\{0,1\}SESSION_SECRET=\$/SESSION_SECRET=$secret/" "$env_file"
    else
      printf 'SESSION_SECRET=%s\n' "$secret" >>"$env_file"
    fi
    echo "Wrote a new SESSION_SECRET into $env_file."
  fi
  chmod 0640 "$env_file"
  $root && chown "root:$group" "$env_file"
fi

# 4. The systemd unit, with this install's paths, user and node.
if $unit && [ -n "$unit_dir" ]; then
  escape() { printf '%s' "$1" | sed 's/[#&\\]/\\&/g'; }
  install -d -m 0755 "$unit_dir"
  sed -e "s#/srv/coopnet#$(escape "$app_dir")#g" \
    -e "s#/etc/coopnet#$(escape "$config_dir")#g" \
    -e "s#/var/lib/coopnet#$(escape "$data_dir")#g" \
    -e "s#^ExecStart=/usr/bin/node #ExecStart=$(escape "$node") #" \
    -e "s#^User=coopnet\$#User=$(escape "$user")#" \
    -e "s#^Group=coopnet\$#Group=$(escape "$group")#" \
    "$app_dir/deploy/coopnet.service" >"$unit_dir/coopnet.service.new"
  chmod 0644 "$unit_dir/coopnet.service.new"
  mv "$unit_dir/coopnet.service.new" "$unit_dir/coopnet.service"
  if $local_postgresql; then
    install -d -m 0755 "$unit_dir/coopnet.service.d"
    install -m 0644 "$app_dir/deploy/coopnet.service.d/local-postgresql.conf" "$unit_dir/coopnet.service.d/"
  fi
  echo "Installed the systemd unit $unit_dir/coopnet.service."
  if [ "$unit_dir" = /etc/systemd/system ] && [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    echo 'Start it at boot and now: systemctl enable --now coopnet; after an upgrade: systemctl restart coopnet'
  fi
fi
