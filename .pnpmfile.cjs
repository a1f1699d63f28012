// @nestjs/terminus declares optional peers for every health indicator it ships; pnpm links any of
// them it finds in the workspace. We use none of those indicators, and the Prisma one dragged
// @prisma/client and the Prisma CLI (≈ 130 MB) into every deployed service (scripts/deploy-folders.sh).
const UNUSED_TERMINUS_PEERS = ['@prisma/client', '@nestjs/microservices'];

module.exports = {
  hooks: {
    readPackage(pkg) {
      if (pkg.name === '@nestjs/terminus') {
        for (const peer of UNUSED_TERMINUS_PEERS) {
          if (pkg.peerDependencies) delete pkg.peerDependencies[peer];
          if (pkg.peerDependenciesMeta) delete pkg.peerDependenciesMeta[peer];
        }
      }
      return pkg;
    },
  },
};
