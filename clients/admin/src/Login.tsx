import { useState, type FormEvent } from 'react';
import { isGraphQLRequestError } from '../../sdk/src';
import { client } from './api';

export function Login() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await client.login(email, password);
    } catch (failure) {
      if (isGraphQLRequestError(failure, 'TWO_FACTOR_REQUIRED'))
        setError('This account uses two-factor sign-in, which the dashboard does not support yet.');
      else if (isGraphQLRequestError(failure, 'RATE_LIMITED'))
        setError('Too many attempts; try again in a few minutes.');
      else
        setError(
          isGraphQLRequestError(failure) ? failure.errors[0]?.message : 'The API could not be reached.',
        );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="login panel" onSubmit={submit} aria-label="Sign in">
      <h1>TradeSchool Admin</h1>
      <label>
        Email
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
