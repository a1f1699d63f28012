# One image definition for the three services; APP selects which one runs
# (embedder | matcher | skill-gap). Render passes service env vars as build args.
FROM node:24-bookworm-slim AS build
ENV ONNXRUNTIME_NODE_INSTALL=skip CI=true
RUN npm install -g pnpm@9.15.9
WORKDIR /repo
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc turbo.json tsconfig.base.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY apps ./apps
COPY libs ./libs
COPY bench/package.json ./bench/package.json
RUN pnpm install --frozen-lockfile && pnpm build
# Drop dev dependencies; the Prisma client is already generated and compiled into libs/db/dist.
RUN pnpm install --prod --frozen-lockfile --ignore-scripts

FROM node:24-bookworm-slim
ARG APP=matcher
ENV NODE_ENV=production APP=${APP}
WORKDIR /repo
COPY --from=build /repo /repo
USER node
# The app's package.json "start" script (with its memory flags) runs as PID 1's only child.
CMD ["sh", "-c", "exec sh scripts/start-service.sh \"$APP\""]
