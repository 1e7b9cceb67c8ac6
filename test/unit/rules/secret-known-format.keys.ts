/**
 * Invented credentials in each vendor's format, assembled from pieces so that the test sources
 * themselves hold no key-shaped string.
 */
export const KEYS = {
  aws: "AKIA" + "4NQZ7XKR2MDL5WBT",
  awsExample: "AKIA" + "IOSFODNN7EXAMPLE",
  github: "ghp" + "_R8xK2mN4pQ7sT1vW3yZ5bC6dF9gH0jL2kM4n",
  githubPat:
    "github" +
    "_pat_11ABCDE2F0" +
    "x7Kq2Lm9Np4Rs8Tv1Wz3_" +
    "Qm8Rt2Vw6Yz0Bc4Df7Gh1Jk3Lm5Np7Qr9St1Uv3Wx5Yz7Ab9Cd1Ef3Gh5Ij7Kl9",
  gitlab: "glpat" + "-x7Kq2Lm9Np4Rs8Tv1Wz3",
  slack: "xoxb" + "-2648391057-5830172946-Qm8Rt2Vw6Yz0Bc4Df7Gh1Jk3",
  stripe: "sk_live" + "_4eC39HqLyjWDarjtT1zdp7dc",
  google: "AIza" + "SyD4Kq8Lm2Np6Rs0Tv4Wx8Zb2Cd6Ef0Gh4J",
  openai: "sk-proj" + "-Xq7Lm2Np9Rs4Tv8Wz3Bc6Df1Gh5Jk0Mn2Pq7Rs4Tv9",
  privateKey:
    "-----BEGIN RSA " +
    "PRIVATE KEY-----\nMIIEowIBAAKCAQEA7x2k9Lm4Np8Rs2Tv6Wz0Bc4Df8Gh2Jk6Mn0Pq4Rs8Tv2Wx6Zb0\n" +
    "Cd4Ef8Gh2Ij6Kl0Mn4Op8Qr2St6Uv0Wx4Yz8Ab2Cd6Ef0Gh4Ij8Kl2Mn6Op0Qr4St8\n-----END RSA PRIVATE KEY-----",
};
