# One image per service: APP (embedder | matcher | skill-gap | cli) selects which one this build holds
# (cli: the operator's command line, `node dist/main.js <command>`).
# Each image carries only that service's production dependencies (the folder `pnpm deploy --prod`
# makes, via scripts/deploy-folders.sh): no test or benchmark packages, no onnxruntime in the APIs.
# Render passes service env vars as build args.
FROM node:24-bookworm-slim AS build
ENV ONNXRUNTIME_NODE_INSTALL=skip CI=true TURBO_TELEMETRY_DISABLED=1
RUN npm install -g pnpm@9.15.9
WORKDIR /repo
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc .pnpmfile.cjs turbo.json tsconfig.base.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY apps ./apps
COPY libs ./libs
COPY bench/package.json ./bench/package.json
# Shared by the three images (APP is declared after it).
RUN pnpm install --frozen-lockfile
ARG APP=matcher
RUN bash scripts/deploy-folders.sh /deploy "$APP"

FROM node:24-bookworm-slim
ARG APP=matcher
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /deploy/${APP} /app
USER node
# The package.json "start" script (with its memory flags) runs as PID 1's only child.
CMD ["sh", "./start-service.sh"]
