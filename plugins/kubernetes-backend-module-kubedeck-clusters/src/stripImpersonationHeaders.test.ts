import express from 'express';
import request from 'supertest';
import { stripImpersonationHeaders } from './stripImpersonationHeaders';

describe('stripImpersonationHeaders', () => {
  const app = express();
  app.use(stripImpersonationHeaders);
  app.get('/echo', (req, res) => {
    res.json({ headers: req.headers, rawHeaders: req.rawHeaders });
  });

  it('removes every Impersonate-* header a client sends and keeps the others', async () => {
    const response = await request(app)
      .get('/echo')
      .set('Impersonate-User', 'admin')
      .set('Impersonate-Group', 'system:masters')
      .set('Impersonate-Uid', '0')
      .set('Impersonate-Extra-Scopes', 'all')
      .set('Backstage-Kubernetes-Cluster', 'demo');

    const names = Object.keys(response.body.headers);
    expect(names.filter(n => n.startsWith('impersonate-'))).toEqual([]);
    expect(
      (response.body.rawHeaders as string[]).filter(h =>
        h.toLowerCase().startsWith('impersonate-'),
      ),
    ).toEqual([]);
    expect(response.body.headers['backstage-kubernetes-cluster']).toBe('demo');
  });
});
