# Sourced by the README's commands: makes the pinned pnpm available on a machine that has only Node and npm.
PNPM_VERSION="10.34.8"
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "Installing pnpm@$PNPM_VERSION with npm…"
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null
fi
