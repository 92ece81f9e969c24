import passportModule from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { InvalidCredentialsError } from '../../../application/access/authentication.errors.js';
import type { AuthenticationService, TokenPair } from '../../../application/access/login/authentication.service.js';
import { runStrategy } from './passport-runner.js';

const LOCAL = 'wattlog-password';

/** POST /api/auth/login through passport-local (email + password), on a private passport instance. */
export class PasswordLogin {
  private readonly passport: passportModule.Authenticator;

  constructor(authentication: AuthenticationService) {
    this.passport = new passportModule.Passport();
    this.passport.use(
      LOCAL,
      new LocalStrategy(
        { usernameField: 'email', passwordField: 'password', passReqToCallback: true, session: false },
        (request, email, password, done) => {
          authentication.login(email, password, (request as unknown as { ip: string }).ip).then(
            (tokens) => done(null, tokens),
            (error: unknown) => (error instanceof InvalidCredentialsError ? done(null, false) : done(error)),
          );
        },
      ),
    );
  }

  /** The body is already validated; the query string is never consulted for credentials. */
  async login(email: string, password: string, ip: string): Promise<TokenPair> {
    const outcome = await runStrategy<TokenPair>(this.passport, LOCAL, {
      headers: {},
      body: { email, password },
      query: {},
      ip,
    });
    if (!outcome.ok) throw new InvalidCredentialsError();
    return outcome.user;
  }
}
