/** Versions a fix pins when it adds a package the project did not have. */
export const KNOWN_VERSIONS: Record<string, string> = {
  redis: "5.2.1",
  "python-dotenv": "1.0.1",
  boto3: "1.35.99",
  gunicorn: "23.0.0",
  ioredis: "5.4.2",
  dotenv: "16.4.7",
  "connect-redis": "7.1.1",
  "@aws-sdk/client-s3": "3.723.0",
};
