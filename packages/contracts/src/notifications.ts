// Schemas for the notifications endpoints.
export {};
