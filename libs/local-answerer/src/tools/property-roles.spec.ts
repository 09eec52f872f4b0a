import { describe, expect, it } from 'vitest';
import { propertiesOf } from './argument-schema.js';
import { rolesOf } from './property-roles.js';

const roles = (properties: Record<string, unknown>, intent: Parameters<typeof rolesOf>[1]) =>
  Object.fromEntries(rolesOf(propertiesOf({ type: 'object', properties }), intent));

describe('rolesOf', () => {
  it('finds the order reference by name, one property only', () => {
    expect(roles({ order_number: {}, email: {}, zip_code: {} }, 'order_status')).toEqual({
      order_number: 'order',
      email: 'email',
      zip_code: 'other',
    });
    expect(roles({ orderId: {} }, 'order_status')).toEqual({ orderId: 'order' });
    expect(roles({ reference: {} }, 'order_status')).toEqual({ reference: 'order' });
    expect(roles({ tracking_id: {}, order_ref: {} }, 'order_status')).toEqual({
      tracking_id: 'other',
      order_ref: 'order',
    });
    expect(roles({ last_name: {} }, 'order_status')).toEqual({ last_name: 'name' });
  });

  it('finds the date, time, head count, service and name of a booking', () => {
    expect(
      roles(
        {
          date: {},
          time: {},
          party_size: {},
          service: {},
          customer_name: {},
          phone_number: {},
          notes: {},
          guest_name: {},
          number_of_people: {},
          start: {},
          appointment_type: {},
        },
        'booking',
      ),
    ).toEqual({
      date: 'date',
      time: 'time',
      party_size: 'party',
      service: 'service',
      customer_name: 'name',
      phone_number: 'phone',
      notes: 'other',
      guest_name: 'name',
      number_of_people: 'party',
      start: 'datetime',
      appointment_type: 'service',
    });
    expect(roles({ date_time: {}, guests: {}, serviceName: {} }, 'booking')).toEqual({
      date_time: 'datetime',
      guests: 'party',
      serviceName: 'service',
    });
  });

  it('reads the format before the name', () => {
    expect(roles({ when: { format: 'date' }, at: { format: 'date-time' }, x: { format: 'email' } }, 'booking')).toEqual(
      {
        when: 'date',
        at: 'datetime',
        x: 'email',
      },
    );
  });

  it('finds the product, its code and the quantity of a stock check', () => {
    expect(roles({ sku: {}, product_name: {}, quantity: {}, size: {}, productId: {} }, 'stock_check')).toEqual({
      sku: 'sku',
      product_name: 'product',
      quantity: 'quantity',
      size: 'other',
      productId: 'sku',
    });
    expect(roles({ item: {}, query: {} }, 'stock_check')).toEqual({ item: 'product', query: 'product' });
  });

  it('falls back on the description when the name says nothing', () => {
    const properties = propertiesOf({ properties: { q: {}, x: { description: 'The number of the order' } } });
    expect(Object.fromEntries(rolesOf(properties, 'order_status'))).toEqual({ q: 'other', x: 'order' });
  });

  it('gives a tool of no known kind only contact roles', () => {
    expect(roles({ order_number: {}, email: {} }, null)).toEqual({ order_number: 'other', email: 'email' });
  });
});
