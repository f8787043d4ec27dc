import { render, screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('renders the Kubedeck sign-in page with the guest provider', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Kubedeck', baseUrl: 'http://localhost:3000' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    // The app loads its features and the sign-in page lazily: allow for a busy machine.
    expect(
      await screen.findByText(
        'Select a sign-in method',
        {},
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Kubedeck')).toBeInTheDocument();
    expect(screen.getByText('Guest')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enter' })).toBeInTheDocument();
  }, 30_000);
});
