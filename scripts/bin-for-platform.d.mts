export declare const NODE_SHEBANG: string;
export declare function binForPlatform(text: string, platform: NodeJS.Platform): string;
export declare function binWithSnapshotCommands(text: string, commands: readonly string[]): string;
