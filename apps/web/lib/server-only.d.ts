// Next resolves "server-only" itself (a build error if a client bundle imports it).
declare module "server-only";
