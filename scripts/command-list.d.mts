export declare function commandListSource(src: string): string;
